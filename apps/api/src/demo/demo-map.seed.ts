import { Injectable } from '@nestjs/common';
import type { ZoneFeature } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { PeopleService } from '../people/people.service';
import { SitesService } from '../sites/sites.service';
import { ZonesService } from '../zones/zones.service';
import { demoActor } from './demo-actor';
import type { DemoOrganisationKey } from './demo-data';
import { DEMO_SIGNATORIES, DEMO_SITES, DemoSite } from './demo-map.data';

/**
 * The demo sites and zones, created once through the sites and zones services, so every step (creation,
 * approvals, suspension, a new proposal) is audited and announced like a real one. A demo site that
 * already exists (by name, for its organisation) is left as it is, with its zone.
 */
@Injectable()
export class DemoMapSeed {
  constructor(
    private readonly people: PeopleService,
    private readonly sites: SitesService,
    private readonly zones: ZonesService,
  ) {}

  async seed(organisationIds: Record<DemoOrganisationKey, string>): Promise<void> {
    const police = await this.actor(DEMO_SIGNATORIES.police);
    for (const demo of DEMO_SITES) {
      const organisationId = organisationIds[demo.organisation];
      const existing = await this.sites.list({ organisationId });
      if (existing.features.some((site) => site.properties.name === demo.name)) continue;
      const staff = await this.actor(DEMO_SIGNATORIES[demo.organisation as keyof typeof DEMO_SIGNATORIES]);
      await this.seedSite(demo, staff, police);
    }
  }

  private async seedSite(demo: DemoSite, staff: AuthUser, police: AuthUser): Promise<void> {
    const site = await this.sites.create(
      {
        name: demo.name,
        type: demo.type,
        location: demo.location,
        address: demo.address,
        openingHours: demo.openingHours,
        openingSchedule: demo.openingSchedule,
        description: demo.description,
        phone: demo.phone ?? null,
      },
      staff,
    );
    if (!demo.zone) return;
    const { zone: plan } = demo;
    let zone: ZoneFeature = await this.zones.create(
      { siteId: site.id as string, name: plan.name, ...plan.shape, schedule: plan.schedule, notes: plan.notes },
      staff,
    );
    const id = zone.id as string;
    const agree = async () => {
      await this.zones.approve(id, zone.properties.version, staff);
      zone = await this.zones.approve(id, zone.properties.version, police);
    };
    switch (plan.state.state) {
      case 'proposed':
        await this.zones.approve(id, zone.properties.version, staff);
        return;
      case 'agreed':
        await agree();
        return;
      case 'suspended':
        await agree();
        // Seeded before anyone signs in: no alert should greet every demo signatory at each start.
        await this.zones.suspend(id, { reason: plan.state.reason }, police, { notify: false });
        return;
      case 'agreed-with-proposal':
        await agree();
        await this.zones.update(id, { version: zone.properties.version, geometry: plan.state.proposal, notes: plan.state.notes }, staff);
        return;
    }
  }

  private actor(email: string): Promise<AuthUser> {
    return demoActor(this.people, email);
  }
}
