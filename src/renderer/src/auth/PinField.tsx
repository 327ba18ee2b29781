// A PIN field: masked, digits only (a numeric keypad or a touch keypad types into it), up to 8 digits; Enter submits.
import type { JSX, Ref } from 'react';

export function PinField(props: {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  onSubmit: () => void;
  testId: string;
  autoFocus?: boolean;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}): JSX.Element {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        ref={props.inputRef}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        className="pin-input"
        data-testid={props.testId}
        autoFocus={props.autoFocus}
        aria-invalid={props.invalid}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, '').slice(0, 8))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      />
    </label>
  );
}
