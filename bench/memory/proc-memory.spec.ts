import { belongsToDatabase, parentPidFromStat, readKbField } from './proc-memory';

describe('readKbField', () => {
  it('reads a kB line as MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t  900000 kB\nVmRSS:\t  204800 kB\nThreads:\t11\n';
    expect(readKbField(status, 'VmRSS')).toBe(200);
    expect(readKbField('Rss:  2048 kB\nPss:   1024 kB\n', 'Pss')).toBe(1);
  });

  it('is undefined for a field that is not there (a kernel thread has no VmRSS)', () => {
    expect(readKbField('Name:\tkthreadd\n', 'VmRSS')).toBeUndefined();
  });
});

describe('parentPidFromStat', () => {
  it('skips a command name with spaces and parentheses', () => {
    expect(parentPidFromStat('5735 (postgres: a (b)) S 2197 5735 5735 0 -1')).toBe(2197);
  });
});

describe('belongsToDatabase', () => {
  const backend = (database: string): string =>
    `postgres: 15/main: postgres ${database} 127.0.0.1(59598) idle`;

  it("keeps the server's helpers and this database's backends", () => {
    expect(belongsToDatabase('postgres: 15/main: checkpointer', 'appeals_bench')).toBe(true);
    expect(belongsToDatabase('postgres: 15/main: logical replication launcher', 'appeals_bench')).toBe(true);
    expect(belongsToDatabase(backend('appeals_bench'), 'appeals_bench')).toBe(true);
    expect(belongsToDatabase('postgres: 15/main: app appeals_bench [local] idle', 'appeals_bench')).toBe(
      true,
    );
  });

  it("leaves out another database's backends, a prefix of the name included", () => {
    expect(belongsToDatabase(backend('appeals_bench_h'), 'appeals_bench')).toBe(false);
    expect(belongsToDatabase(backend('appeals'), 'appeals_bench')).toBe(false);
  });
});
