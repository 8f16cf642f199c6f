import type { MessageKey } from '../../i18n/translator.js';

/** The audit log's actions as it records them (in English, as it always has), in the reader's words. */
export const AUDIT_ACTIONS: Record<string, MessageKey> = {
  export: 'admin.audit.action.export',
  erase: 'admin.audit.action.erase',
  'pair nudge': 'admin.timeline.action.nudge',
  'pair extend': 'admin.timeline.action.extend',
  'pair pause': 'admin.timeline.action.pause',
  'pair resume': 'admin.timeline.action.resume',
  'pair keep-both': 'admin.timeline.action.keepBoth',
  'pair rematch': 'admin.timeline.action.rematch',
  'pair end': 'admin.timeline.action.end',
  'account invite': 'admin.audit.action.accountInvite',
  'account settings': 'admin.audit.action.accountSettings',
  'account suspended': 'admin.audit.action.accountSuspend',
  'account active': 'admin.audit.action.accountReactivate',
  'account removed': 'admin.audit.action.accountRemove',
};
