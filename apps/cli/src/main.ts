import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { passwordWeakness } from '../../api/src/common/password-strength';
import { ConfigError, loadConfig } from '../../api/src/config/load-config';
import { EmbeddedDatabase } from '../../api/src/database/embedded-database';
import { createAdministrator } from '../../api/src/people/admin-bootstrap.service';
import { PeopleService } from '../../api/src/people/people.service';
import { CliModule } from './cli.module';

const USAGE = `Samverkan operator commands

  npm run cli -- create-admin --email <address> [--name "Display Name"]

The password is read from SAMVERKAN_ADMIN_PASSWORD, or asked for when that is unset.
The database is the one the api uses (DATABASE_URL, or the embedded one in DATA_DIR; stop the api first).`;

/** Asks for a password without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      const lines = createInterface({ input: process.stdin });
      lines.once('line', (line) => {
        lines.close();
        resolve(line);
      });
      lines.once('close', () => reject(new Error('No password given on standard input')));
      return;
    }
    process.stdout.write(question);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          process.stdout.write('\n');
          process.exit(130);
        }
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new Error('--email <address> is required');
  const password = process.env.SAMVERKAN_ADMIN_PASSWORD || (await askHidden('Password for the new administrator: '));
  const weakness = passwordWeakness(password, [values.email, values.name ?? '']);
  if (weakness) throw new Error(`The password ${weakness.message}`);

  let config = loadConfig(process.env, { logLevel: 'error' });
  const embedded = config.embeddedDatabase ? await EmbeddedDatabase.start(config.dataDir) : null;
  if (embedded) config = { ...config, databaseUrl: embedded.url };
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  try {
    const people = app.get(PeopleService);
    if (await people.findUserWithPasswordHash(values.email)) throw new Error(`A user with e-mail ${values.email} already exists`);
    const user = await createAdministrator(app.get(DataSource), people, values.email, password, values.name ?? 'Administrator');
    console.log(`Created administrator ${user.email} (${user.id}).`);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'create-admin') return createAdmin(rest);
  console.log(USAGE);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
