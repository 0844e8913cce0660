#!/usr/bin/python3
"""Writes Belfry's bundled help pages: the man (roff) source that the AWS CLI v2 renders for
`aws chime help` and `aws chime <operation> help`, made by the AWS CLI's own documentation pipeline
(awscli.clidocs events -> reStructuredText -> docutils' manpage writer), for Belfry's operations only.

Run with the Python of an AWS CLI v2 installation (Debian's awscli 2.9.19: /usr/bin/python3):
    /usr/bin/python3 cli/help-pages/generate.py OPERATION... > /dev/null
The operations are Belfry's (`COMP_LINE='belfry chime ' ./belfry completer`). Pages go to
cli/src/main/resources/dev/belfry/cli/help/. The text is the AWS CLI's and the Chime model's
documentation and the AWS CLI's examples (awscli/examples/chime), Apache License 2.0: see NOTICE.
"""
import os
import sys

from docutils.core import publish_string
from docutils.writers import manpage

from awscli import help as awshelp
from awscli.clidriver import create_clidriver

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources',
                   'dev', 'belfry', 'cli', 'help')
captured = {}


def capture(self, contents):
    captured['rst'] = contents


def only_belfry_commands(rst, operations):
    """The service page's "Available Commands" list, cut to Belfry's operations."""
    out = []
    for line in rst.decode('utf-8').split('\n'):
        if line.startswith('* ') and line[2:] not in operations:
            out.append(None)  # dropped with the two blank lines after it
            continue
        if line == '' and out and out[-1] is None:
            continue
        out.append(line)
    return '\n'.join(x for x in out if x is not None).encode('utf-8')


def page(args):
    captured.clear()
    driver = create_clidriver()
    driver.main(args)
    return captured['rst']


def man(rst):
    return publish_string(rst, writer=manpage.Writer(), settings_overrides={'report_level': 3})


def main(operations):
    awshelp.PosixHelpRenderer.render = capture
    os.makedirs(OUT, exist_ok=True)
    names = set(operations) | {'help'}
    with open(os.path.join(OUT, 'chime.man'), 'wb') as f:
        f.write(man(only_belfry_commands(page(['chime', 'help']), names)))
    for op in operations:
        with open(os.path.join(OUT, op + '.man'), 'wb') as f:
            f.write(man(page(['chime', op, 'help'])))


if __name__ == '__main__':
    main(sys.argv[1:])
