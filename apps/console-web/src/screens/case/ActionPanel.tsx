import type { ActionReceipt, CaseAction, CasePageView } from '@app/contracts/console-api/cases';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { formatDate } from '../../format/kazakhstan-time';
import {
  actionPath,
  ACTION_FORMS,
  extensionBounds,
  ifMatchOf,
  openActions,
  requestBody,
  validate,
  type ClientProblem,
  type DateBounds,
  type FieldRule,
  type FormValues,
} from './case-actions';
import { dayInstant } from './case-view';

interface ActionPanelProps {
  view: CasePageView;
  /** 202: the action was taken; the page says so and reloads. */
  onDone: (action: CaseAction, receipt: ActionReceipt) => void;
  /** 409: the case is not what the form was decided on; the page reloads it (stale: says so). */
  onConflict: (stale: boolean) => void;
}

/** One opening of a form: its Idempotency-Key serves every retry of this submit, a new opening gets a new one. */
interface Opening {
  action: CaseAction;
  key: string;
}

/**
 * The buttons for exactly the actions `allowedActions` names now (the others are not shown: the API lists only
 * the open ones), and the open action's confirmation or form, inline under them.
 */
export function ActionPanel({ view, onDone, onConflict }: ActionPanelProps) {
  const { t } = useTranslation('case');
  const forms = openActions(view.allowedActions);
  const [opening, setOpening] = useState<Opening | null>(null);
  // An action that closed meanwhile (the case was reloaded) takes its form with it.
  const open = opening && view.allowedActions.includes(opening.action) ? opening : null;

  return (
    <section className="card" aria-labelledby="case-actions-heading">
      <h2 id="case-actions-heading">{t('sections.actions')}</h2>
      {forms.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        <>
          <p className="case-muted">{t('actions.onlyOpen')}</p>
          <div className="case-actions">
            {forms.map((form) => (
              <button
                key={form.action}
                type="button"
                className={`button${open?.action === form.action ? ' button--primary' : ''}`}
                aria-expanded={open?.action === form.action}
                aria-controls={open?.action === form.action ? 'case-action-form' : undefined}
                onClick={() =>
                  setOpening(
                    open?.action === form.action ? null : { action: form.action, key: crypto.randomUUID() },
                  )
                }
              >
                {t(`actions.button.${form.action}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {open && (
        <ActionForm
          key={open.key}
          view={view}
          opening={open}
          onCancel={() => setOpening(null)}
          onDone={(action, receipt) => {
            setOpening(null);
            onDone(action, receipt);
          }}
          onConflict={onConflict}
        />
      )}
    </section>
  );
}

interface ActionFormProps {
  view: CasePageView;
  opening: Opening;
  onCancel: () => void;
  onDone: (action: CaseAction, receipt: ActionReceipt) => void;
  onConflict: (stale: boolean) => void;
}

function ActionForm({ view, opening, onCancel, onDone, onConflict }: ActionFormProps) {
  const { t, i18n } = useTranslation('case');
  const { api } = useSession();
  const form = ACTION_FORMS[opening.action];
  const [values, setValues] = useState<FormValues>({});
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const container = useRef<HTMLFormElement>(null);
  const bounds: DateBounds | undefined =
    form.action === 'extend' && view.deadline ? extensionBounds(view.deadline) : undefined;
  const problems = validate(form, values, bounds);

  useEffect(() => {
    container.current?.querySelector<HTMLElement>('textarea, input, button[type="submit"]')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) {
      container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data } = await api.send<ActionReceipt>('POST', actionPath(view.case.appealId, form.action), {
        body: requestBody(form, values),
        headers: { 'Idempotency-Key': opening.key, 'If-Match': ifMatchOf(view.case.version) },
      });
      onDone(form.action, data);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        const stale = failure.code === 'stale-version';
        if (!stale) setError(failure);
        onConflict(stale);
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const apiError = error instanceof ApiError ? error : null;
  const fieldNamed = form.fields.some((field) => apiError?.messageFor(field.name));
  const messageOf = (field: FieldRule): string | undefined =>
    apiError?.messageFor(field.name) ??
    (checked && problems[field.name] ? problemText(problems[field.name] as ClientProblem) : undefined);
  const problemText = (problem: ClientProblem): string =>
    t(`validation.${problem.code}`, {
      max: problem.max,
      date: problem.date ? formatDate(dayInstant(problem.date), i18n.language) : '',
    });
  const title = t(`actions.button.${form.action}`);

  return (
    <form
      ref={container}
      id="case-action-form"
      className="case-action-form"
      aria-label={title}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 className="case-subheading">{title}</h3>
      {form.confirm && <p>{t(`actions.confirm.${form.action}`)}</p>}
      {error !== null && !fieldNamed && <ErrorNotice error={error} />}
      {form.fields.map((field) => (
        <FormField
          key={field.name}
          label={t(`field.${field.name}`)}
          error={messageOf(field)}
          hint={hintOf(field)}
        >
          {field.control === 'textarea' ? (
            <textarea
              name={field.name}
              value={values[field.name] ?? ''}
              required={field.required}
              rows={field.name === 'text' ? 10 : 4}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, [field.name]: event.target.value }))
              }
            />
          ) : (
            <input
              name={field.name}
              type={field.control}
              value={values[field.name] ?? ''}
              required={field.required}
              min={field.control === 'date' ? bounds?.min : undefined}
              max={field.control === 'date' ? (bounds?.max ?? undefined) : undefined}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, [field.name]: event.target.value }))
              }
            />
          )}
        </FormField>
      ))}
      <div className="case-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('actions.sending') : form.confirm ? t('actions.confirmYes') : title}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );

  function hintOf(field: FieldRule): string | undefined {
    if (field.control === 'date' && bounds) {
      const min = formatDate(dayInstant(bounds.min), i18n.language);
      if (bounds.max !== null && bounds.max < bounds.min) return t('actions.extendImpossible');
      return bounds.max !== null
        ? t('hint.dueAtRange', { min, max: formatDate(dayInstant(bounds.max), i18n.language) })
        : t('hint.dueAtFrom', { min });
    }
    const parts: string[] = [];
    if (field.name === 'suggestedOrganizationId') parts.push(t('hint.suggestedOrganizationId'));
    if (field.control === 'textarea' && field.maxLength)
      parts.push(t('hint.length', { count: (values[field.name] ?? '').length, max: field.maxLength }));
    return parts.length > 0 ? parts.join(' ') : undefined;
  }
}
