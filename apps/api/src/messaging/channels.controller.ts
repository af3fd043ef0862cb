import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AlertAck, Channel, Message } from '@samverkan/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ChannelsService } from './channels.service';
import { CreateChannelDto, HistoryQueryDto } from './dto/messaging.dto';
import { UpdateChannelDto } from './escalation/escalation.dto';
import { EscalationPoliciesService } from './escalation/escalation-policies.service';
import { MessagingService } from './messaging.service';

@ApiTags('messaging')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly messaging: MessagingService,
    private readonly escalationPolicies: EscalationPoliciesService,
  ) {}

  /** The channels the caller can see (archived ones left out), with unread counts. */
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Channel[]> {
    return this.channels.list(user);
  }

  /** A direct channel with another user, or (coordinators and admins) a meeting's channel: 201 when new, 200 when it existed. */
  @Post()
  async create(
    @Body() body: CreateChannelDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Channel> {
    const { channel, created } = await this.channels.create(user, body);
    response.status(created ? 201 : 200);
    return channel;
  }

  /** Extension: one channel (archived ones too), with its unread count. */
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<Channel> {
    return this.channels.get(user, id);
  }

  /** Coordinators and admins: the escalation policy the channel's urgent messages follow (null: none). */
  @Patch(':id')
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateChannelDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Channel> {
    return this.escalationPolicies.setChannelPolicy(user, id, body);
  }

  @Get(':id/messages')
  history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: HistoryQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Message[]> {
    return this.messaging.history(user, id, query);
  }

  /** Extension: who has acknowledged an urgent message. */
  @Get(':id/messages/:messageId/acks')
  acknowledgements(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('messageId', new ParseUUIDPipe()) messageId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AlertAck[]> {
    return this.messaging.acknowledgements(user, id, messageId);
  }
}
