import { caseNotFound } from '../../case-not-found';
import { WorkingCalendar } from '@app/calendar';
import type { CasePageView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { AuditLog } from '../../../audit/audit-log';
import { actingCaseOf } from '../../actions/acting-case';
import { CaseStateMachine } from '../../actions/case-state-machine';
import { allowedActions } from '../../case-actions-allowed';
import { DeliveryFailures } from '../../../notifications/delivery-failures';
import type { CaseAttachment, CaseContact, CaseFile } from '../../read-model/case-file';
import { CaseFiles } from '../../read-model/case-files';
import { summaryOf } from '../case-summary';
import { DeadlineMarks, type DeadlineMark } from '../deadline-marks';
import { explainDeadline, type ReasonLanguage } from './deadline-explanation';
import { RepeatAppeals } from './repeat-appeals';

/**
 * Everything about one case for the people working it. The citizen's contact, the text and the attachments are
 * personal data: reading them writes an audit entry (which fields, no values) in the same transaction.
 */
@Injectable()
export class CasePage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: CaseFiles,
    private readonly repeats: RepeatAppeals,
    private readonly audit: AuditLog,
    private readonly marks: DeadlineMarks,
    private readonly calendar: WorkingCalendar,
    private readonly machine: CaseStateMachine,
    private readonly deliveryFailures: DeliveryFailures,
  ) {}

  read(principal: Principal, appealId: string, language: ReasonLanguage): Promise<CasePageView> {
    const scope = caseScopeOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const file = await this.files.loadInScope(manager, appealId, scope);
      if (!file) throw caseNotFound();
      const [contact, attachments, timeline, repeatAppeals] = [
        await this.files.contactOf(manager, file.appealId),
        await this.files.attachmentsOf(manager, file.appealId),
        await this.deliveryFailures.timelineOf(
          manager,
          file.appealId,
          (await this.files.timelineOf(manager, file.appealId)).map(withoutAppealId),
        ),
        await this.repeats.of(manager, file, scope),
      ];
      await this.audit.record(manager, principal, [
        {
          action: 'case.read',
          appealId: file.appealId,
          fields: personalFieldsRead(file, contact, attachments),
        },
      ]);
      const mark = this.marks.of(file, new Date());
      return {
        case: {
          ...summaryOf(file, mark),
          text: file.text,
          channel: file.channel,
          transferCount: file.transferCount,
          declinedOrganizationIds: file.declinedOrganizationIds,
        },
        citizen: contact ? withoutAppealId(contact) : null,
        attachments: attachments.map(withoutAppealId),
        timeline,
        deadline: this.deadlineOf(file, mark, language),
        repeatAppeals,
        allowedActions: allowedActions(this.machine, file, principal),
      };
    });
  }

  private deadlineOf(file: CaseFile, mark: DeadlineMark, language: ReasonLanguage): CasePageView['deadline'] {
    const explained = explainDeadline(file, mark, this.calendar, language);
    if (!explained) return null;
    const limit = this.machine.extensionLimitOf(actingCaseOf(file));
    return { ...explained, extensionLimit: limit?.toISOString() ?? null };
  }
}

/** The names of the personal-data fields the page shows, as the audit log records them. */
function personalFieldsRead(
  file: CaseFile,
  contact: CaseContact | undefined,
  attachments: CaseAttachment[],
): string[] {
  const fields = ['subject', 'text'].filter((field) => file[field as 'subject' | 'text'] !== '');
  if (contact)
    for (const field of ['fullName', 'iin', 'email', 'phone'] as const)
      if (contact[field] !== null) fields.push(`citizen.${field}`);
  if (attachments.length > 0) fields.push('attachments');
  return fields;
}

function withoutAppealId<T extends { appealId: string }>({
  appealId: _appealId,
  ...rest
}: T): Omit<T, 'appealId'> {
  return rest;
}
