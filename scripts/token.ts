/**
 * Prints a signed token: npm run token -- --operator <uuid> --role <ADMIN|EDITOR|ANALYST|VIEWER> [--ttl 12h] [--sub name]
 * Signs with JWT_SECRET (the development secret outside production).
 */
import { parseArgs } from 'node:util';
import { Role } from '../schema/auth/role';
import { signToken } from '../schema/auth/token.service';
import { loadConfig } from '../server/config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      operator: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
      sub: { type: 'string', default: 'cli-user' },
    },
  });
  if (!values.operator || !values.role || !(values.role in Role)) {
    throw new Error(`usage: npm run token -- --operator <operator uuid> --role <${Object.keys(Role).join('|')}> [--ttl 12h] [--sub name]`);
  }
  const { jwtSecret } = loadConfig();
  console.log(
    await signToken({ subject: values.sub!, operatorId: values.operator, role: values.role as Role, ttl: values.ttl }, jwtSecret),
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
