import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, parseConfig } from '../../src/config/config';

const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

describe('.env.example', () => {
  it('documents exactly the variables the config module reads', () => {
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
  it('is itself a valid configuration (it is what a new developer copies)', () => {
    const env = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(parseConfig(env).bot).toEqual({ mode: 'local' });
  });
});
