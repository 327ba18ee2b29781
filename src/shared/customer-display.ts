// The customer display's route: the renderer shows it instead of the app at this hash; the desktop app opens its
// second window (second monitor) there.
export const CUSTOMER_DISPLAY_HASH = '#/cliente';
