import type { StaffLanguage, StaffRole } from '@app/contracts/console-api/admin';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';
import { RegionOptions } from '../../components/RegionOptions';
import { STAFF_LANGUAGES, STAFF_ROLES, bindingOf, type EditDraft, type UserField } from './user-form-rules';

interface AssignmentFieldsProps {
  draft: EditDraft;
  onChange: (change: Partial<EditDraft>) => void;
  /** The message for a field: the form's own check first, then the API's. */
  errorOf: (field: UserField) => string | undefined;
  /** Organisation ids already in use, offered as suggestions. */
  organizations: readonly string[];
  listId: string;
}

/** Role, the organisation or region the role needs, and the language of in-app messages. */
export function AssignmentFields({ draft, onChange, errorOf, organizations, listId }: AssignmentFieldsProps) {
  const { t, i18n } = useTranslation('admin');
  const binding = bindingOf(draft.role);
  return (
    <>
      <FormField
        label={t('form.role')}
        error={errorOf('role')}
        hint={draft.role !== '' && binding === null ? t('form.roleHintNone') : undefined}
      >
        <select value={draft.role} onChange={(event) => onChange({ role: event.target.value as StaffRole })}>
          <option value="" disabled>
            {t('form.chooseRole')}
          </option>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </select>
      </FormField>
      {binding === 'organization' && (
        <FormField
          label={t('form.organization')}
          hint={t('form.organizationHint')}
          error={errorOf('organizationId')}
        >
          <input
            type="text"
            value={draft.organizationId}
            list={listId}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange({ organizationId: event.target.value })}
          />
        </FormField>
      )}
      {binding === 'organization' && (
        <datalist id={listId}>
          {organizations.map((organization) => (
            <option key={organization} value={organization} />
          ))}
        </datalist>
      )}
      {binding === 'region' && (
        <FormField label={t('form.region')} hint={t('form.regionHint')} error={errorOf('regionKato')}>
          <select value={draft.regionKato} onChange={(event) => onChange({ regionKato: event.target.value })}>
            <option value="" disabled>
              {t('form.chooseRegion')}
            </option>
            <RegionOptions language={i18n.language} />
          </select>
        </FormField>
      )}
      <FormField label={t('form.language')} error={errorOf('language')}>
        <select
          value={draft.language}
          onChange={(event) => onChange({ language: event.target.value as StaffLanguage })}
        >
          {STAFF_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}
