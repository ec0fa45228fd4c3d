import { refusalRule } from '../refusal.js';

export const stopasgroupKillasgroup = refusalRule({
  id: 'stopasgroup-killasgroup',
  description: "stopasgroup=true with killasgroup=false is refused.",
  docs: "supervisord refuses to start with this file (an error).\n\nSending the stop signal to the whole process group but the final SIGKILL only to the child would leave grandchildren behind, so supervisord refuses `stopasgroup=true` with `killasgroup=false` (`killasgroup` defaults to the value of `stopasgroup`).\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web\nstopasgroup=true\nkillasgroup=false\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\nstopasgroup=true\n```",
});
