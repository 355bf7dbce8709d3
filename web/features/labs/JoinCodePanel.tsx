// What a facilitator shows the room: the join code in large letters, its QR code and the join link.
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionLink } from '../../components/ActionLink.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';

/**
 * Shows `joinCode` spaced out (screen readers hear it letter by letter), the QR code the server
 * draws for it, the join link with a copy button, and the ways into the live session.
 */
export function JoinCodePanel({
  orgSlug,
  labId,
  joinCode,
}: {
  orgSlug: string;
  labId: string;
  joinCode: string;
}) {
  const { t } = useTranslation('labs');
  const [status, setStatus] = useState<string | null>(null);
  const joinPath = `/join/${joinCode}`;
  const joinUrl = `${window.location.origin}${joinPath}`;
  // The code in the query makes the browser fetch a fresh image when the lab gets a new code.
  const qrSource = `/api/v1/orgs/${orgSlug}/labs/${labId}/qr.svg?code=${encodeURIComponent(joinCode)}`;

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(joinUrl);
      setStatus(t('code.copied'));
    } catch {
      setStatus(t('code.copyFailed'));
    }
  }

  return (
    <section aria-labelledby="lab-code-title" className="stadshart-join-panel">
      <Heading2 id="lab-code-title">{t('code.title')}</Heading2>
      <Paragraph>{t('code.intro')}</Paragraph>
      <div className="stadshart-join-panel__body">
        <div>
          <Paragraph className="stadshart-join-panel__label">{t('code.label')}</Paragraph>
          <p className="stadshart-join-code">
            <span aria-hidden="true">
              {[...joinCode].map((letter, index) => (
                <span key={index} className="stadshart-join-code__letter">
                  {letter}
                </span>
              ))}
            </span>
            <span className="stadshart-visually-hidden">
              {t('code.spoken', { letters: [...joinCode].join(' ') })}
            </span>
          </p>
          <Paragraph className="stadshart-join-panel__label">{t('code.url')}</Paragraph>
          <Paragraph className="stadshart-join-panel__url">
            <Link to={joinPath} className="utrecht-link">
              {joinUrl}
            </Link>
          </Paragraph>
          <ButtonGroup>
            <Button appearance="subtle-button" onClick={() => void copyLink()}>
              {t('code.copy')}
            </Button>
          </ButtonGroup>
          <StatusMessage message={status} />
        </div>
        <img
          className="stadshart-join-panel__qr"
          src={qrSource}
          alt={t('code.qrAlt', { code: joinCode })}
          width={240}
          height={240}
        />
      </div>
      <ButtonGroup>
        <ActionLink to={`/lab/${labId}`} appearance="primary">
          {t('code.live')}
        </ActionLink>
        <ActionLink to={`/lab/${labId}/presenter`}>{t('code.presenter')}</ActionLink>
      </ButtonGroup>
    </section>
  );
}
