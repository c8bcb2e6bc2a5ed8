import { isPublicAddress, webhookHostErrors, webhookUrlErrors } from './webhook-url';

const codes = (url: string, allowInsecure = false) => webhookUrlErrors(url, allowInsecure).map((e) => e.code);

describe('webhookUrlErrors', () => {
  it('takes an https URL, and http only where insecure receivers are allowed', () => {
    expect(codes('https://hooks.example.kz/appeals?x=1')).toEqual([]);
    expect(codes('http://hooks.example.kz/appeals')).toEqual(['httpsUrl']);
    expect(codes('http://127.0.0.1:8080/hook', true)).toEqual([]);
    expect(codes('ftp://hooks.example.kz/', true)).toEqual(['httpsUrl']);
    expect(codes('not a url')).toEqual(['httpsUrl']);
  });

  it('refuses a user name or password, and more than 2048 characters, naming the field', () => {
    expect(webhookUrlErrors('https://user:pw@hooks.example.kz/', false)).toEqual([
      { field: 'url', reason: 'url must not contain a user name or password', code: 'urlUserinfo' },
    ]);
    expect(codes('https://user@hooks.example.kz/')).toEqual(['urlUserinfo']);
    expect(codes(`https://hooks.example.kz/${'a'.repeat(2048)}`)).toEqual(['maxLength']);
  });
});

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.215.14', '2a00:1450:4001:80b::200e', '::ffff:93.184.215.14'])('takes %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe('webhookHostErrors', () => {
  const resolvingTo = (addresses: string[]) => () => Promise.resolve(addresses);

  it('refuses a host with any non-public address, or none', async () => {
    expect(await webhookHostErrors('https://a.example/', resolvingTo(['93.184.215.14']))).toEqual([]);
    expect(
      (await webhookHostErrors('https://a.example/', resolvingTo(['93.184.215.14', '10.0.0.5']))).map(
        (e) => e.code,
      ),
    ).toEqual(['nonPublicHost']);
    expect((await webhookHostErrors('https://a.example/', resolvingTo([]))).map((e) => e.code)).toEqual([
      'unresolvableHost',
    ]);
    expect(
      (await webhookHostErrors('https://a.example/', () => Promise.reject(new Error('ENOTFOUND')))).map(
        (e) => e.code,
      ),
    ).toEqual(['unresolvableHost']);
  });

  it('reads a literal address, brackets and all, without DNS', async () => {
    expect((await webhookHostErrors('https://[::1]:8443/')).map((e) => e.code)).toEqual(['nonPublicHost']);
    expect((await webhookHostErrors('https://127.0.0.1/')).map((e) => e.code)).toEqual(['nonPublicHost']);
  });
});
