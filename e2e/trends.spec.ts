// The trend catalogue: the admin reorders, edits, archives and restores; a member only reads.
import { expectAccessible } from './support/axe.ts';
import { signInByMail, visit } from './support/pages.ts';
import { expect, test } from './support/actors.ts';

const orgName = 'Kennisnetwerk Binnensteden';

test('the admin keeps the trend catalogue; labs copy it, so nothing else moves', async ({
  actors,
}) => {
  const admin = await actors.actor('admin');
  await signInByMail(admin, 'beheerder@stadshart.example', /^Welkom, Marloes/);
  await admin.getByRole('link', { name: orgName }).first().click();
  await admin.getByRole('link', { name: 'Trendcatalogus', exact: true }).click();
  await visit(admin, 'Trendcatalogus', 'trend catalogue (admin)');

  const first = admin.getByRole('region', { name: 'Anders samenleven' });
  await expect(admin.getByRole('heading', { level: 2 }).first()).toHaveText(/Anders samenleven/);

  // Keyboard: the move button keeps the focus, and the new place is said in a status message.
  const down = first.getByRole('button', { name: 'Omlaag' }).first();
  await down.focus();
  await admin.keyboard.press('Enter');
  await expect(
    admin.getByText('De trend "Anders samenleven" staat nu op plaats 2 van 6.'),
  ).toBeVisible();
  await expect(admin.getByRole('heading', { level: 2 }).first()).toHaveText(/Anders produceren/);
  await expect(down).toBeFocused();

  // An empty title is refused at the field; a real one is saved.
  await first.getByRole('button', { name: 'Trend bewerken' }).click();
  const edit = admin.getByRole('form', { name: 'Trend "Anders samenleven" bewerken' });
  await edit.getByLabel('Titel', { exact: true }).fill('');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(admin.locator('.stadshart-error-summary')).toBeVisible();
  await expectAccessible(admin, 'trend catalogue with an error');
  await edit.getByLabel('Titel', { exact: true }).fill('Anders samenleven en ontmoeten');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    admin.getByText('De trend "Anders samenleven en ontmoeten" is opgeslagen.'),
  ).toBeVisible();

  // Archiving is a deliberate second step, and reversible.
  const renamed = admin.getByRole('region', { name: 'Anders samenleven en ontmoeten' });
  await renamed.getByRole('button', { name: 'Trend archiveren' }).click();
  await admin.getByRole('button', { name: 'Ja, archiveren' }).click();
  await expect(
    admin.getByText('De trend "Anders samenleven en ontmoeten" is gearchiveerd.'),
  ).toBeVisible();
  await expect(renamed).toHaveCount(0);
  await admin.getByLabel('Ook gearchiveerde trends en ontwikkelingen tonen').check();
  await renamed.getByRole('button', { name: 'Trend terugzetten' }).click();
  await expect(
    admin.getByText('De trend "Anders samenleven en ontmoeten" is teruggezet.'),
  ).toBeVisible();
  await expectAccessible(admin, 'trend catalogue with archived items shown');

  // A member reads the same catalogue without a single edit button.
  const member = await actors.actor('member');
  await signInByMail(member, 'ondernemer@stadshart.example', /^Welkom, Ingrid/);
  await member.getByRole('link', { name: orgName }).first().click();
  await member.getByRole('link', { name: 'Trendcatalogus', exact: true }).click();
  await visit(member, 'Trendcatalogus', 'trend catalogue (member)');
  await expect(
    member.getByRole('region', { name: 'Anders samenleven en ontmoeten' }),
  ).toBeVisible();
  await expect(member.getByRole('button', { name: /bewerken|archiveren|Omlaag/ })).toHaveCount(0);
});
