import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { PNG } from 'pngjs';
import {
  buildZip,
  checkIcons,
  fillPlaceholders,
  findPlaceholders,
  MissingPlaceholdersError,
  packageApp,
  schemaDir,
  validateLocalization,
  validateManifest,
} from '../../scripts/package-app';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';

const APP_PACKAGE = path.resolve(__dirname, '../../appPackage');

/** Values shaped like what provisioning writes into env/.env.dev. */
const ENV = {
  TEAMS_APP_ID: '3f0c7a52-8d0e-4a55-9d0b-1c2f4e6a8b9d',
  BOT_ID: '7b1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  AAD_APP_CLIENT_ID: 'c0ffee00-1234-4abc-9def-0123456789ab',
  BOT_DOMAIN: 'lerendwerken-dev.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
  // Set by the script step from package.json (scripts/app-version.mjs).
  APP_VERSION: '0.1.0',
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const manifestTemplate = fs.readFileSync(path.join(APP_PACKAGE, 'manifest.json'), 'utf8');
const filledManifest = (): Json => JSON.parse(fillPlaceholders(manifestTemplate, ENV)) as Json;

function localizationFiles(manifest: Json): { languageTag: string; file: string }[] {
  return manifest.localizationInfo?.additionalLanguages ?? [];
}

function readLocalization(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(APP_PACKAGE, file), 'utf8')) as Json;
}

/** Names and contents of the entries of a zip, read from its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const localNameLen = zip.readUInt16LE(localOffset + 26);
    const localExtraLen = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLen + localExtraLen;
    const raw = zip.subarray(start, start + compressedSize);
    out.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('app manifest', () => {
  it('uses a recent manifest version whose official schema ships with @microsoft/app-manifest', () => {
    const m = filledManifest();
    const [major, minor] = String(m.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(fs.existsSync(path.join(schemaDir(m.manifestVersion), 'MicrosoftTeams.schema.json'))).toBe(true);
    expect(m.$schema).toContain(`/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('uses only the placeholders that provisioning provides', () => {
    expect(findPlaceholders(manifestTemplate).sort()).toEqual(['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'APP_VERSION', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
  });

  it('validates, once filled, against the official schema for its manifestVersion', () => {
    const result = validateManifest(filledManifest());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('validates with the --dev defaults too', async () => {
    const result = await packageApp({ appPackageDir: APP_PACKAGE, env: {}, dev: true });
    expect(result.manifest.id).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('has the product names, Dutch as default language and the bot in all three scopes', () => {
    const m = filledManifest();
    expect(m.name).toEqual({ short: 'Lerend Werken-dev', full: 'Lerend Werken: Vitale Weekcyclus' });
    expect(m.localizationInfo.defaultLanguageTag).toBe('nl-nl');
    expect(m.accentColor).toBe(ACCENT_COLOR);
    expect(m.bots).toHaveLength(1);
    expect(m.bots[0].botId).toBe(ENV.BOT_ID);
    expect([...m.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(m.bots[0].supportsFiles).toBe(false);
    expect(m.composeExtensions[0].botId).toBe(ENV.BOT_ID);
    expect(m.webApplicationInfo).toEqual({ id: ENV.AAD_APP_CLIENT_ID, resource: `api://${ENV.BOT_DOMAIN}/${ENV.AAD_APP_CLIENT_ID}` });
    expect(m.validDomains).toEqual([ENV.BOT_DOMAIN]);
    expect(m.staticTabs[0]).toMatchObject({ entityId: 'verantwoording', contentUrl: `https://${ENV.BOT_DOMAIN}/tab/index.html?locale={app.locale}`, scopes: ['personal'] });
  });

  it('every static tab asks Teams for the reader\'s locale in its contentUrl, so the page is served in their language before its script runs', () => {
    const manifests = fs.readdirSync(APP_PACKAGE).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(APP_PACKAGE, f), 'utf8')) as Json);
    const urls = manifests.flatMap((m) => (Array.isArray(m.staticTabs) ? m.staticTabs : []).map((t: Json) => t.contentUrl).filter((u: unknown) => typeof u === 'string'));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(fillPlaceholders(url, ENV)).searchParams.get('locale')).toBe('{app.locale}');
  });

  it('lists the commands per scope', () => {
    const m = filledManifest();
    const titles = (scope: string) =>
      m.bots[0].commandLists.filter((l: Json) => l.scopes.includes(scope)).flatMap((l: Json) => l.commands.map((c: Json) => c.title));
    expect(titles('personal')).toEqual(['help', 'verantwoording', 'taal', 'gesprek plannen', 'voorbereiding', 'mijn gegevens', 'wat ziet mijn leidinggevende', 'rapport', 'gesprek aanvragen', 'teamverantwoording']);
    expect(titles('groupChat')).toEqual(['help', 'start', 'nieuwe cyclus', 'agenda', 'status']);
    expect(titles('team')).toEqual([
      'help', 'start', 'nieuwe cyclus', 'agenda', 'status',
      'peiling start', 'peiling status', 'peiling sluiten', 'peiling resultaten', 'rapport',
    ]);
    const commands = Object.fromEntries(m.composeExtensions[0].commands.map((c: Json) => [c.id, c]));
    expect(commands.bewaarInVerantwoording).toMatchObject({ type: 'action', fetchTask: true, title: 'Bewaar in mijn verantwoording' });
    expect([...commands.bewaarInVerantwoording.context].sort()).toEqual(['compose', 'message']);
    expect(commands.zoekVoorstellen).toMatchObject({ type: 'query' });
    expect(commands.zoekVoorstellen.parameters.map((p: Json) => p.name)).toEqual(['zoekterm']);
  });

  describe('the validator can fail', () => {
    it('rejects a bot without botId', () => {
      const m = filledManifest();
      delete m.bots[0].botId;
      const result = validateManifest(m);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/\/bots\/0.*botId/);
    });

    it('rejects a short name over 30 characters', () => {
      const m = filledManifest();
      m.name.short = 'Lerend Werken met een veel te lange naam';
      const result = validateManifest(m);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/\/name\/short/);
    });

    it('rejects a placeholder left unfilled', () => {
      const m = JSON.parse(manifestTemplate.replace(/\$\{\{(TEAMS_APP_ID|BOT_DOMAIN|AAD_APP_CLIENT_ID|APP_NAME_SUFFIX)\}\}/g, (_a, n: string) => (ENV as Record<string, string>)[n]!)) as Json;
      const result = validateManifest(m);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toContain('BOT_ID');
    });

    it('rejects a manifestVersion it has no schema for', () => {
      const m = filledManifest();
      m.manifestVersion = '9.99';
      expect(validateManifest(m).valid).toBe(false);
    });
  });
});

describe('placeholders', () => {
  it('lists every missing name at once', () => {
    let error: unknown;
    try {
      fillPlaceholders(manifestTemplate, { BOT_ID: ENV.BOT_ID, BOT_DOMAIN: '', APP_VERSION: ENV.APP_VERSION });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingPlaceholdersError);
    expect((error as MissingPlaceholdersError).missing.sort()).toEqual(['AAD_APP_CLIENT_ID', 'BOT_DOMAIN', 'TEAMS_APP_ID']);
    expect((error as Error).message).toContain('TEAMS_APP_ID');
  });

  it('allows an empty name suffix (production)', () => {
    const m = JSON.parse(fillPlaceholders(manifestTemplate, { ...ENV, APP_NAME_SUFFIX: '' })) as Json;
    expect(m.name.short).toBe('Lerend Werken');
  });

  it('escapes values for JSON', () => {
    expect(fillPlaceholders('{"a":"${{X}}"}', { X: 'say "hi"' })).toBe('{"a":"say \\"hi\\""}');
  });
});

describe('localization files', () => {
  const m = filledManifest();
  const files = localizationFiles(m);

  it('include English', () => {
    expect(files.map((f) => f.languageTag)).toContain('en');
  });

  it.each(files.map((f) => [f.languageTag, f.file]))('%s (%s) validates against the localization schema', (_tag, file) => {
    const loc = readLocalization(file);
    const result = validateLocalization(loc, m.manifestVersion);
    expect(result.errors).toEqual([]);
    expect(loc.$schema).toContain(`/v${m.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
  });

  it.each(files.map((f) => [f.file]))('%s has no ${{...}} placeholders (the Toolkit copies localization files as they are)', (file) => {
    expect(findPlaceholders(fs.readFileSync(path.join(APP_PACKAGE, file), 'utf8'))).toEqual([]);
  });

  it('a broken localization file is rejected', () => {
    const loc = readLocalization('en.json');
    loc['name.short'] = 'x'.repeat(31);
    loc['bots[0].commandLists[0].commands[0].titel'] = 'typo';
    const result = validateLocalization(loc, m.manifestVersion);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
  });

  /** Every user-visible string in the manifest that a localization file should translate. */
  function translatableKeys(manifest: Json): string[] {
    const keys: string[] = [];
    manifest.bots.forEach((bot: Json, b: number) =>
      (bot.commandLists ?? []).forEach((list: Json, l: number) =>
        list.commands.forEach((_c: Json, c: number) => keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`, `bots[${b}].commandLists[${l}].commands[${c}].description`)),
      ),
    );
    manifest.composeExtensions.forEach((ext: Json, e: number) =>
      ext.commands.forEach((cmd: Json, c: number) => {
        keys.push(`composeExtensions[${e}].commands[${c}].title`, `composeExtensions[${e}].commands[${c}].description`);
        (cmd.parameters ?? []).forEach((_p: Json, p: number) =>
          keys.push(`composeExtensions[${e}].commands[${c}].parameters[${p}].title`, `composeExtensions[${e}].commands[${c}].parameters[${p}].description`),
        );
      }),
    );
    manifest.staticTabs.forEach((_t: Json, t: number) => keys.push(`staticTabs[${t}].name`));
    return keys;
  }

  function valueAt(manifest: Json, key: string): unknown {
    return key
      .split(/\.|(?=\[)/)
      .filter(Boolean)
      .reduce<unknown>((node, part) => {
        if (node === undefined || node === null) return undefined;
        const index = /^\[(\d+)\]$/.exec(part);
        return index ? (node as unknown[])[Number(index[1])] : (node as Json)[part];
      }, manifest);
  }

  it('every command title and description exists in Dutch (manifest) and in every localization file', () => {
    const keys = translatableKeys(m);
    expect(keys.length).toBeGreaterThan(40);
    for (const f of files) {
      const loc = readLocalization(f.file);
      for (const key of keys) {
        const nl = valueAt(m, key);
        expect({ key, nl: typeof nl === 'string' && nl.trim() !== '' }).toEqual({ key, nl: true });
        expect({ key, file: f.file, translated: typeof loc[key] === 'string' && loc[key].trim() !== '' }).toEqual({ key, file: f.file, translated: true });
      }
    }
  });

  it('localization files have no keys for strings the manifest does not have', () => {
    const known = new Set([...translatableKeys(m), '$schema', 'name.short', 'name.full', 'description.short', 'description.full']);
    for (const f of files) {
      const stale = Object.keys(readLocalization(f.file)).filter((k) => !known.has(k));
      expect({ file: f.file, stale }).toEqual({ file: f.file, stale: [] });
    }
  });

  it('command titles are unique within each command list, in every language', () => {
    const lists: Json[] = m.bots[0].commandLists;
    for (const f of [null, ...files]) {
      const loc = f ? readLocalization(f.file) : null;
      lists.forEach((list, l) => {
        const titles = list.commands.map((c: Json, i: number) => (loc ? loc[`bots[0].commandLists[${l}].commands[${i}].title`] : c.title));
        expect(new Set(titles).size).toBe(titles.length);
      });
    }
  });
});

describe('icons', () => {
  const color = PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE, 'color.png')));
  const outline = PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE, 'outline.png')));

  it('color icon is 192x192 and not empty', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    const center = (96 * 192 + 20) * 4; // inside the rounded square, left of the mark
    expect(color.data[center + 3]).toBe(255);
  });

  it('outline icon is 32x32; every pixel is fully transparent or white', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(50);
  });

  it('checkIcons accepts the committed icons and rejects a coloured outline', () => {
    const colorBuf = fs.readFileSync(path.join(APP_PACKAGE, 'color.png'));
    const outlineBuf = fs.readFileSync(path.join(APP_PACKAGE, 'outline.png'));
    expect(checkIcons(colorBuf, outlineBuf)).toEqual([]);
    expect(checkIcons(outlineBuf, colorBuf)).toHaveLength(3); // wrong sizes both ways + coloured pixels
  });

  it('the committed PNGs are what scripts/make-icons.ts draws (regenerate with npm run icons)', () => {
    expect(PNG.sync.read(drawColorIcon()).data.equals(color.data)).toBe(true);
    expect(PNG.sync.read(drawOutlineIcon()).data.equals(outline.data)).toBe(true);
  });
});

describe('app package zip', () => {
  it('holds exactly manifest.json, the icons and the localization files', async () => {
    const { zip } = await packageApp({ appPackageDir: APP_PACKAGE, env: ENV });
    const entries = readZip(zip);
    expect([...entries.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Json;
    expect(manifest.bots[0].botId).toBe(ENV.BOT_ID);
    expect(validateManifest(manifest).valid).toBe(true);
    expect(entries.get('color.png')!.equals(fs.readFileSync(path.join(APP_PACKAGE, 'color.png')))).toBe(true);
  });

  it('refuses to package when placeholders are missing', async () => {
    await expect(packageApp({ appPackageDir: APP_PACKAGE, env: { BOT_ID: ENV.BOT_ID } })).rejects.toThrow(/TEAMS_APP_ID/);
  });

  it('buildZip is reproducible and rejects duplicate or unsafe names', async () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('a') }];
    expect((await buildZip(entries)).equals(await buildZip(entries))).toBe(true);
    await expect(buildZip([...entries, ...entries])).rejects.toThrow(/duplicate/);
    await expect(buildZip([{ name: '../x', data: Buffer.from('') }])).rejects.toThrow(/unsafe/);
  });
});
