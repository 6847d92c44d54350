/** What `inkstone --help` prints, and the one line that points to it after a usage problem. */
import { SERVER_DEFAULTS } from '../config/defaults.js';

/** `inkstone --help`. */
export const HELP = `inkstone — build a blog from Jekyll-style Markdown notes

Usage:
  inkstone build [options]   build posts/ into public/
  inkstone dev [options]     build, watch, and preview with live reload
  inkstone --help            show this help
  inkstone --version         show the version

Options:
  --src DIR        site root holding _config.yml, posts/ and layouts/ (default: .)
  --out DIR        output folder, relative to --src (default: public, or "destination" in _config.yml)
  --base PATH      base path for project pages, e.g. /repo/ (default: "baseurl" in _config.yml)
  --url URL        site URL for the feed, sitemap and canonical links (default: "url")
  --drafts         also build posts/_drafts/ (dated by file modification time)
  --future         also build posts dated in the future
  --unpublished    also build posts with "published: false"
  --strict         treat broken links as errors
  --workers N      render threads (default: one per CPU core; 0 renders in the main thread)
  --no-cache       ignore and do not fill the build cache (.cache/inkstone/)
  --verbose        print write counts, peak memory and stack traces for internal errors
  --port N         dev: preview port (default ${SERVER_DEFAULTS.port}; the next free one if it is taken)
  --strict-port    dev: fail if the port is taken instead of using the next free one
  --host HOST      dev: address to bind (default ${SERVER_DEFAULTS.host})
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 built, 1 the site has errors (nothing was written), 2 bad usage.
`;

/** Printed under a usage problem instead of the whole help. */
export const HELP_HINT = 'run "inkstone --help" for the options';
