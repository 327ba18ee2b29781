// One way to say what went wrong with a call, in the chosen language.
import type { JSX } from 'react';
import type { ApiFailure } from '../api/client';
import type { Translate } from '../i18n/i18n';

export function failureText(t: Translate, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return t('errors.network');
    case 'unauthorized':
      return t('signIn.invalid');
    case 'too_many':
      return t('errors.tooMany');
    case 'refused':
      return failure.status === 400
        ? t('errors.badRequest', { detail: failure.detail })
        : t('errors.server', { code: failure.code });
  }
}

export function ErrorLine(props: { text: string | null }): JSX.Element | null {
  return props.text ? (
    <p className="error" role="alert">
      {props.text}
    </p>
  ) : null;
}
