/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return: they have no
 * place in anything a person typed, break JSON exports and logs, and can hide text on a screen.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
