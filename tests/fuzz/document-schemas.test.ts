import { documentProblems } from '../../src/store/document-schemas';

/** The schemas the fuzz test checks stored documents with: they accept what the app writes and refuse the junk it once wrote. */
describe('stored document schemas', () => {
  const installation = {
    id: 'team_abc', type: 'installation', tenantId: 'tenant-1', teamId: '19:team@thread.tacv2', name: 'Team Noord', aadGroupId: 'group-1',
    generalChannelId: '19:team@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:bot', installed: true,
    _rid: 'x', _self: 'y', _etag: '"1"', _ts: 1, _attachments: 'z',
  };
  const note = { id: 'note_1', type: 'note', userId: 'aad-anna', text: 'Geleerd:\n\tkorter overdragen', visibility: 'private', rev: 1, createdAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z' };

  it('accepts documents as the app writes them, with Cosmos DB\'s own properties', () => {
    expect(documentProblems('installations', installation)).toEqual([]);
    expect(documentProblems('personal', note)).toEqual([]);
  });

  it('refuses the installation the old install registry stored from a hostile activity', () => {
    const junk = { ...installation, teamId: { evil: true }, generalChannelId: ['x'], name: { a: 1 }, aadGroupId: [false] };
    expect(documentProblems('installations', junk)).toEqual([
      'installation.teamId: invalid_type',
      'installation.name: invalid_type',
      'installation.aadGroupId: invalid_type',
      'installation.generalChannelId: invalid_type',
    ]);
  });

  it('refuses control characters in text, unknown fields and unknown types', () => {
    expect(documentProblems('personal', { ...note, text: 'een\u0000twee' })).toEqual(['note.text: invalid_string (control characters)']);
    expect(documentProblems('personal', { ...note, extra: 1 })).toEqual(['note.: unrecognized_keys']);
    expect(documentProblems('personal', { ...note, type: 'secret' })).toEqual(['no schema for type "secret" in personal']);
    expect(documentProblems('groups', { id: 'grp_1' })[0]).toMatch(/^group\./);
  });
});
