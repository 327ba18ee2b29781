// "Print the receipt when the sale completes", remembered on this register. localStorage works in both the desktop
// app and the web host; a storage failure (private mode, quota) just means the default.
import { useState } from 'react';

const KEY = 'sago.autoPrint';

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function useAutoPrint(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read);
  return [
    on,
    (value) => {
      setOn(value);
      try {
        window.localStorage.setItem(KEY, value ? 'on' : 'off');
      } catch {
        // Not remembered; the choice still applies until the window closes.
      }
    },
  ];
}
