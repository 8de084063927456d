import { events as e, recordAll } from '../../../test-support/domain-events';
import { foldDocs } from '../../../test-support/fold';
import { patronDirectoryReadModel } from './patron-directory.read-model';

describe('patron directory', () => {
  it('knows name, e-mail address and card expiry by card number (R25, R4)', () => {
    const docs = foldDocs(
      patronDirectoryReadModel,
      recordAll([
        e.patronRegistered('123456789', 'Hanako Yamada'),
        e.passwordSet('123456789'),
        e.emailRegistered('123456789', 'hanako@example.jp'),
        e.emailRegistered('123456789', 'yamada@example.jp', 'hanako@example.jp'),
        e.cardRenewed('123456789', '2033-03-31'),
      ]),
    );
    expect(docs.get('123456789')).toEqual({ cardNumber: '123456789', name: 'Hanako Yamada', email: 'yamada@example.jp', cardExpiresOn: '2033-03-31' });
  });
});
