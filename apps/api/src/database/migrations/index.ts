import { PeopleAndAudit1764100000000 } from './1764100000000-people-and-audit';
import { SitesAndZones1764200000000 } from './1764200000000-sites-and-zones';
import { Messaging1764300000000 } from './1764300000000-messaging';
import { ReportsAndNaloxone1764500000000 } from './1764500000000-reports-and-naloxone';
import { SiteOpeningSchedule1764700000000 } from './1764700000000-site-opening-schedule';
import { SystemAuthor1764800000000 } from './1764800000000-system-author';
import { Meetings1764600000000 } from './1764600000000-meetings';
import { ZoneSuspension1765014000000 } from './1765014000000-zone-suspension';
import { SitePhoneAndKitUser1765100000000 } from './1765100000000-site-phone-and-kit-user';
import { SecondFactor1765200000000 } from './1765200000000-second-factor';
import { ZoneTermsAndReview1765300000000 } from './1765300000000-zone-terms-and-review';
import { AlertEscalation1765400000000 } from './1765400000000-alert-escalation';
import { PushSubscriptions1765500000000 } from './1765500000000-push-subscriptions';
import { Passkeys1765600000000 } from './1765600000000-passkeys';

/** Every migration, oldest first. Listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS = [
  PeopleAndAudit1764100000000,
  SitesAndZones1764200000000,
  Messaging1764300000000,
  ReportsAndNaloxone1764500000000,
  SiteOpeningSchedule1764700000000,
  SystemAuthor1764800000000,
  Meetings1764600000000,
  ZoneSuspension1765014000000,
  SitePhoneAndKitUser1765100000000,
  SecondFactor1765200000000,
  ZoneTermsAndReview1765300000000,
  AlertEscalation1765400000000,
  PushSubscriptions1765500000000,
  Passkeys1765600000000,
];
