import type { DecisionReceipt, LinkDecisionBody, PublicAnswer } from '@app/contracts/console-api/tracking';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { formatDateTime } from '../../format/kazakhstan-time';
import {
  answerLinkOf,
  answerStageOf,
  REASON_MAX_LENGTH,
  reasonOf,
  statusKey,
  trackPath,
} from './tracking-logic';
import './tracking.css';

/**
 * `/track/:trackingNumber/answer?response=…&secret=…`: the link of the answer message. The citizen reads the
 * answer and accepts or rejects it; the secret of the link is all the proof there is (no sign-in).
 */
export function AnswerScreen() {
  const { t } = useTranslation('tracking');
  const { api } = useSession();
  const { trackingNumber = '' } = useParams();
  const [search] = useSearchParams();
  const link = answerLinkOf(search);
  const { data, error, loading, reload } = useAsync<PublicAnswer | null>(
    () =>
      link === null
        ? Promise.resolve(null)
        : api.get<PublicAnswer>(`/api/v1/appeals/track/${encodeURIComponent(trackingNumber)}/answer`, link),
    `${trackingNumber}|${link?.response ?? ''}|${link?.secret ?? ''}`,
  );
  const invalid = link === null || (error instanceof ApiError && error.status === 404);

  return (
    <section className="card">
      <PageHeading title={t('answer.title')} />
      {invalid ? (
        <div className="notice notice--error" role="alert">
          {t('answer.invalidLink')}
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
      {!invalid && loading && !data && <p role="status">{t('common:state.loading')}</p>}
      {!invalid && data && link && (
        <AnswerView answer={data} secret={link.secret} trackingNumber={trackingNumber} onDecided={reload} />
      )}
      <p>
        <Link to={trackPath(trackingNumber)}>{t('answer.back')}</Link>
      </p>
    </section>
  );
}

interface AnswerViewProps {
  answer: PublicAnswer;
  secret: string;
  trackingNumber: string;
  onDecided: () => void;
}

function AnswerView({ answer, secret, trackingNumber, onDecided }: AnswerViewProps) {
  const { t, i18n } = useTranslation('tracking');
  const stage = answerStageOf(answer);
  const statusWords = (status: string) => {
    const key = statusKey(status);
    return key ? t(key) : status;
  };
  return (
    <>
      <dl className="tracking-facts">
        <div>
          <dt>{t('answer.number')}</dt>
          <dd>{answer.trackingNumber}</dd>
        </div>
        {answer.organizationName && (
          <div>
            <dt>{t('answer.from')}</dt>
            <dd>{answer.organizationName}</dd>
          </div>
        )}
        <div>
          <dt>{t('answer.date')}</dt>
          <dd>{formatDateTime(answer.respondedAt, i18n.language)}</dd>
        </div>
      </dl>
      <h2>{t('answer.textHeading')}</h2>
      <div className="tracking-answer__text">{answer.text}</div>
      {stage === 'decided' && (
        <div className="notice notice--success" role="status">
          {t(answer.decision === 'accepted' ? 'answer.accepted' : 'answer.rejected')}
        </div>
      )}
      {stage === 'replaced' && (
        <div className="notice notice--info" role="status">
          {t('answer.replaced')}
        </div>
      )}
      {stage === 'closed' && (
        <div className="notice notice--info" role="status">
          {t('answer.closed', { status: statusWords(answer.caseStatus) })}
        </div>
      )}
      {stage === 'reject-only' && (
        <div className="notice notice--info" role="status">
          {t('answer.resolvedByBody')}
        </div>
      )}
      {(stage === 'decide' || stage === 'reject-only') && (
        <DecisionForm
          secret={secret}
          trackingNumber={trackingNumber}
          onDecided={onDecided}
          acceptOpen={stage === 'decide'}
        />
      )}
    </>
  );
}

/** Accept or reject; only reject once the body closed the case (`acceptOpen` false). */
function DecisionForm({
  secret,
  trackingNumber,
  onDecided,
  acceptOpen,
}: Omit<AnswerViewProps, 'answer'> & { acceptOpen: boolean }) {
  const { t } = useTranslation('tracking');
  const { api } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const decide = async (decision: LinkDecisionBody['decision']) => {
    setBusy(true);
    setError(null);
    const body: LinkDecisionBody = {
      secret,
      decision,
      ...(decision === 'reject' && reasonOf(reason) !== undefined && { reason: reasonOf(reason) }),
    };
    try {
      await api.send<DecisionReceipt>(
        'POST',
        `/api/v1/appeals/track/${encodeURIComponent(trackingNumber)}/decision`,
        { body },
      );
      onDecided();
    } catch (failure) {
      setError(failure);
      // Decided meanwhile (another tab, the portal): the page shows what stands now.
      if (failure instanceof ApiError && failure.status === 409) onDecided();
    } finally {
      setBusy(false);
    }
  };

  const reasonError = error instanceof ApiError ? error.messageFor('reason') : undefined;
  return (
    <section aria-labelledby="tracking-decide-heading">
      <h2 id="tracking-decide-heading">{t('answer.decideHeading')}</h2>
      <p>{t('answer.decideIntro')}</p>
      {!reasonError && <ErrorNotice error={error} />}
      {rejecting ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void decide('reject');
          }}
          noValidate
        >
          <FormField
            label={t('answer.reasonLabel')}
            hint={t('answer.reasonHint', { max: REASON_MAX_LENGTH })}
            error={reasonError}
          >
            <textarea
              name="reason"
              rows={5}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </FormField>
          <div className="tracking-actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {busy ? t('answer.sending') : t('answer.sendRejection')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setRejecting(false)}>
              {t('answer.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="tracking-actions">
          {acceptOpen && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void decide('accept')}
            >
              {busy ? t('answer.sending') : t('answer.accept')}
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => setRejecting(true)}>
            {t('answer.reject')}
          </button>
        </div>
      )}
    </section>
  );
}
