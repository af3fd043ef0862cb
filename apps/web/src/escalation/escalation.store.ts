import type {
  AlertEscalationMark,
  AlertStatus,
  Channel,
  EscalationPolicy,
  EscalationPolicyInput,
} from '@samverkan/contracts';
import type { SamverkanApi } from '../api/samverkan-api';
import type { SocketClient } from '../api/socket-client';
import { Store } from '../state/store';

export interface EscalationState {
  status: 'loading' | 'ready' | 'error';
  policies: readonly EscalationPolicy[];
  /** The escalation of each alert someone looked at, kept live by the socket's events. */
  alerts: ReadonlyMap<string, AlertStatus>;
  /** The step each escalated alert reached this user with (`alert` with `escalation`). */
  marks: ReadonlyMap<string, AlertEscalationMark>;
}

export type EscalationSocket = Pick<SocketClient, 'on'>;

/** Escalation policies, and the escalation of the alerts on screen: who was told when, who acknowledged, what next. */
export class EscalationStore extends Store<EscalationState> {
  private readonly unsubscribers: (() => void)[] = [];
  private readonly watched = new Set<string>();

  constructor(
    private readonly api: SamverkanApi,
    private readonly socket: EscalationSocket,
  ) {
    super({ status: 'loading', policies: [], alerts: new Map(), marks: new Map() });
  }

  start(): void {
    const on = this.unsubscribers.push.bind(this.unsubscribers);
    on(
      this.socket.on('alert', (alert) => {
        if (alert.escalation) {
          const marks = new Map(this.value.marks);
          marks.set(alert.id, alert.escalation);
          this.set({ ...this.value, marks });
        }
        this.refresh(alert.id);
      }),
    );
    on(this.socket.on('alert:escalated', ({ messageId }) => this.refresh(messageId)));
    on(this.socket.on('alert:acked', ({ messageId }) => this.refresh(messageId)));
    void this.load().catch(() => undefined);
  }

  dispose(): void {
    this.unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
  }

  async load(): Promise<void> {
    try {
      const policies = await this.api.escalationPolicies.list();
      this.set({ ...this.value, status: 'ready', policies });
    } catch (error) {
      if (this.value.status === 'loading') this.set({ ...this.value, status: 'error' });
      throw error;
    }
  }

  policy(policyId: string | null): EscalationPolicy | undefined {
    return policyId ? this.value.policies.find((policy) => policy.id === policyId) : undefined;
  }

  async create(input: EscalationPolicyInput): Promise<EscalationPolicy> {
    const created = await this.api.escalationPolicies.create(input);
    this.set({ ...this.value, policies: [...this.value.policies, created] });
    return created;
  }

  async update(policy: EscalationPolicy, input: EscalationPolicyInput): Promise<EscalationPolicy> {
    const updated = await this.api.escalationPolicies.update(policy.id, {
      ...input,
      version: policy.version,
    });
    this.replace(updated);
    return updated;
  }

  async remove(policyId: string): Promise<void> {
    await this.api.escalationPolicies.remove(policyId);
    this.set({ ...this.value, policies: this.value.policies.filter((policy) => policy.id !== policyId) });
  }

  /** The channel as the api answers it, now following `policyId` (null: none). */
  chooseForChannel(channelId: string, policyId: string | null): Promise<Channel> {
    return this.api.channels.update(channelId, { escalationPolicyId: policyId });
  }

  /** Reads an alert's escalation and keeps it up to date while it is watched. */
  watch(messageId: string): () => void {
    this.watched.add(messageId);
    this.refresh(messageId);
    return () => this.watched.delete(messageId);
  }

  status(messageId: string): AlertStatus | undefined {
    return this.value.alerts.get(messageId);
  }

  private refresh(messageId: string): void {
    if (!this.watched.has(messageId)) return;
    this.api.alerts.status(messageId).then(
      (status) => {
        const alerts = new Map(this.value.alerts);
        alerts.set(messageId, status);
        this.set({ ...this.value, alerts });
      },
      () => undefined, // shown as not known yet; the next event reads it again
    );
  }

  private replace(policy: EscalationPolicy): void {
    this.set({
      ...this.value,
      policies: this.value.policies.map((existing) => (existing.id === policy.id ? policy : existing)),
    });
  }
}
