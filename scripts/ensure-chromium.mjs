// Browser tests drive Debian's Chromium. Install it when missing and we may (root with apt-get); otherwise explain.
import { execSync } from "node:child_process";
import fs from "node:fs";

const BROWSER = "/usr/bin/chromium";
if (!fs.existsSync(BROWSER)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests (apt-get)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", { stdio: "inherit" });
  } else {
    console.error(`The browser tests need Chromium at ${BROWSER}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
