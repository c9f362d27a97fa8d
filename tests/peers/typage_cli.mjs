// Minimal command line around typage (npm age-encryption), for the Python interop tests.
// Data moves through stdin/stdout; secrets come from environment variables, never argv.
//
//   node typage_cli.mjs keygen [--pq]                  -> "identity\nrecipient\n"
//   node typage_cli.mjs encrypt [-r RECIPIENT]... [--passphrase-env VAR] [--work-factor N] [--armor]
//   node typage_cli.mjs decrypt [--identity-env VAR]... [--passphrase-env VAR] [--armor]
import { Decrypter, Encrypter, armor, generateHybridIdentity, generateX25519Identity,
  identityToRecipient } from "age-encryption";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

function secret(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

async function main(argv) {
  const [command, ...rest] = argv;
  const flag = (f) => rest.includes(f);
  const values = (f) => rest.flatMap((a, i) => (a === f ? [rest[i + 1]] : []));
  if (command === "keygen") {
    const identity = flag("--pq") ? await generateHybridIdentity() : await generateX25519Identity();
    process.stdout.write(`${identity}\n${await identityToRecipient(identity)}\n`);
  } else if (command === "encrypt") {
    const e = new Encrypter();
    for (const name of values("--passphrase-env")) e.setPassphrase(secret(name));
    for (const n of values("--work-factor")) e.setScryptWorkFactor(Number(n));
    for (const r of values("-r")) e.addRecipient(r);
    const out = await e.encrypt(await readStdin());
    process.stdout.write(flag("--armor") ? armor.encode(out) : out);
  } else if (command === "decrypt") {
    const d = new Decrypter();
    for (const name of values("--passphrase-env")) d.addPassphrase(secret(name));
    for (const name of values("--identity-env")) d.addIdentity(secret(name));
    let input = await readStdin();
    if (flag("--armor")) input = armor.decode(new TextDecoder().decode(input));
    process.stdout.write(await d.decrypt(input));
  } else {
    throw new Error("usage: keygen | encrypt | decrypt");
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`typage: ${err.message}\n`);
  process.exit(1);
});
