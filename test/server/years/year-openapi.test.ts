import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

describe.each(testDatabases())('yearly and student routes in the OpenAPI document on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('documents every yearly and class route with its request and answer schemas', async () => {
    const doc = (await s.call('GET', '/openapi.json', { key: null })).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/years/{year}/people',
        '/api/v1/years/{year}/initiatives',
        '/api/v1/years/{year}/results',
        '/api/v1/years/{year}/proposals',
        '/api/v1/years/{year}/decisions',
        '/api/v1/years/{year}/votes',
        '/api/v1/years/{year}/decisions-register',
        '/api/v1/years/{year}/registrations',
        '/api/v1/years/{year}/pledges',
        '/api/v1/years/{year}/proposal-list',
        '/api/v1/years/{year}/movements',
        '/api/v1/years/{year}/contributions',
        '/api/v1/years/{year}/statistics',
        '/api/v1/classes/{class}/year',
        '/api/v1/classes',
        '/api/v1/classes/{class}/students',
        '/api/v1/classes/{class}/commendations',
      ]),
    );
    for (const name of ['PersonYearRow', 'InitiativeRow', 'StudentRow', 'PersonYearSheet', 'YearResults', 'YearProposals', 'ClassStudents', 'ClassCommendations', 'VoteRow', 'DecisionRow', 'VoteSheet', 'DecisionSheet', 'RegistrationRow', 'PledgeRow', 'RegistrationSheet', 'PledgeSheet', 'RegistrationComparison', 'ProposalLists', 'MovementRow', 'ContributionRow', 'MovementSheet', 'ContributionSheet', 'DriveTotals', 'YearStatistics']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });

  it('refuses a malformed year or class in the address with a Vietnamese message', async () => {
    const year = await s.call('GET', '/api/v1/years/23/results');
    expect(year.status).toBe(422);
    expect(year.body.error.message).toContain('Năm phải có dạng YYYY');
    const long = await s.call('GET', `/api/v1/classes/${'x'.repeat(201)}/students`);
    expect(long.status).toBe(422);
    expect(long.body.error.message).toContain('Tên lớp dài quá 200 ký tự');
  });
});
