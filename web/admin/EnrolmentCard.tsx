import { raw } from 'hono/html';
import type { Enrolment, EnrolmentRequest } from '../../db/enrolment.js';
import { ASSETS } from '../assets.js';
import { IfAllowed, useAllowed } from '../views/allowed.js';
import { useTranslator } from '../views/language.js';
import { enrolmentLink } from './qr-code.js';

/** A cap the form suggests when the link was never opened: a newsletter's worth, which the admin adjusts. */
const SUGGESTED_CAP = 100;

/**
 * The cohort's public sign-up link: open it (for a number of sign-ups), copy it into a newsletter, close it,
 * and the sign-ups it brought, each removable while it waits for its confirmation.
 */
export function EnrolmentCard(props: {
  slug: string;
  csrf: string;
  origin: string;
  enrolment: Enrolment;
  requests: EnrolmentRequest[];
  /** The open link as a QR code (SVG), drawn by the route. */
  qrCode?: string;
}) {
  const { t, instant } = useTranslator();
  const may = useAllowed();
  const { slug, csrf, enrolment, requests } = props;
  const confirmed = requests.filter((r) => r.confirmedAt).length;
  const waiting = requests.length - confirmed;
  const action = (what: string) => `/admin/cohorts/${slug}/enrolment/${what}`;
  return (
    <div class="card" id="enrolment">
      <h2>{t('admin.enrolment.heading')}</h2>
      <p class="hint">{t('admin.enrolment.hint')}</p>
      {enrolment.open && enrolment.key ? (
        <>
          <label for="enrolment-link">{t('admin.enrolment.link')}</label>
          <input type="text" id="enrolment-link" readonly value={enrolmentLink(props.origin, enrolment.key)} />
          <p>
            <button type="button" class="secondary" data-copy="enrolment-link" data-copied={t('admin.enrolment.copied')} hidden>
              {t('admin.enrolment.copy')}
            </button>
          </p>
          {props.qrCode && (
            <figure class="qr">
              {raw(props.qrCode)}
              <figcaption>
                {t('admin.enrolment.qr')} <a href={action('qr.svg')}>{t('admin.enrolment.qr.download')}</a>
              </figcaption>
            </figure>
          )}
          <script src={ASSETS.copy} defer />
          <p data-enrolment="open">{t('admin.enrolment.open', { cap: enrolment.cap ?? 0, confirmed, waiting })}</p>
          <IfAllowed to="run">
            <form method="post" action={action('close')}>
              <input type="hidden" name="_csrf" value={csrf} />
              <button class="secondary" type="submit">
                {t('admin.enrolment.close')}
              </button>
            </form>
          </IfAllowed>
        </>
      ) : !may('run') ? (
        enrolment.key && <p data-enrolment="closed">{t('admin.enrolment.closed', { confirmed })}</p>
      ) : (
        <form method="post" action={action('open')}>
          {enrolment.key && <p data-enrolment="closed">{t('admin.enrolment.closed', { confirmed })}</p>}
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="enrolment-cap">{t('admin.enrolment.cap')}</label>
          <input type="number" id="enrolment-cap" name="cap" min="1" max="100000" required value={String(enrolment.cap ?? SUGGESTED_CAP)} />
          <p>
            <button class="secondary" type="submit">
              {t(enrolment.key ? 'admin.enrolment.reopen' : 'admin.enrolment.openLink')}
            </button>
          </p>
        </form>
      )}
      {requests.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('admin.cohort.name')}</th>
              <th>{t('admin.cohort.email')}</th>
              <th>{t('admin.cohort.role')}</th>
              <th>{t('admin.enrolment.column.requested')}</th>
              <th>{t('admin.enrolment.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr data-sign-up={r.email}>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{t(`role.${r.role}`)}</td>
                <td>{instant(r.requestedAt)}</td>
                <td>
                  {r.participantId ? (
                    <IfAllowed to="personal-data" otherwise={t('admin.enrolment.confirmed')}>
                      <a href={`/admin/cohorts/${slug}/participants/${r.participantId}`}>{t('admin.enrolment.confirmed')}</a>
                    </IfAllowed>
                  ) : !may('run') ? (
                    t('admin.enrolment.waiting')
                  ) : (
                    <form method="post" action={action(`requests/${r.id}/remove`)} class="inline">
                      {t('admin.enrolment.waiting')} <input type="hidden" name="_csrf" value={csrf} />
                      <button class="secondary" type="submit" aria-label={t('admin.enrolment.removeLabel', { name: r.name })}>
                        {t('admin.enrolment.remove')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
