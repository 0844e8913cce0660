#!/usr/bin/python3
"""Records what jmespath.py answers for every JMESPath test case Belfry keeps.

Run with the Python the AWS CLI v2 runs (/usr/bin/python3 and Debian's python3-jmespath 1.0.1, which
/usr/bin/aws 2.9.19 imports):

    /usr/bin/python3 cli/src/test/scripts/jmespath-oracle.py

It reads cli/src/test/resources/jmespath/compliance/*.json and belfry-extra.json and writes
cli/src/test/resources/jmespath/oracle.json: for each case, json.dumps(result) (so ints and floats stay
apart) or the exception's class name and str(). JmesOracleTest compares Belfry's answers with it byte for
byte. Nothing is downloaded or built; this only runs the installed library on the test data.
"""
import glob
import json
import os
import sys

import jmespath

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, '..', 'resources', 'jmespath')


def answer(expression, given):
    try:
        result = jmespath.compile(expression).search(given)
    except Exception as e:  # every failure is recorded, by class and text
        return {'error_class': type(e).__name__, 'error_message': str(e)}
    try:
        return {'result_json': json.dumps(result)}
    except TypeError as e:
        return {'unserializable': str(type(result).__name__)}


def main():
    if jmespath.__version__ != '1.0.1':
        sys.exit('expected jmespath 1.0.1 (what the AWS CLI v2 bundles), found ' + jmespath.__version__)
    files = sorted(glob.glob(os.path.join(RES, 'compliance', '*.json'))) + [os.path.join(RES, 'belfry-extra.json')]
    out = []
    for path in files:
        with open(path, encoding='utf-8') as f:
            suites = json.load(f)
        for s, suite in enumerate(suites):
            for c, case in enumerate(suite['cases']):
                entry = {'file': os.path.basename(path), 'suite': s, 'case': c, 'expression': case['expression']}
                entry.update(answer(case['expression'], suite['given']))
                out.append(entry)
    with open(os.path.join(RES, 'oracle.json'), 'w', encoding='utf-8') as f:
        json.dump({'jmespath': jmespath.__version__, 'answers': out}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('%d answers' % len(out))


if __name__ == '__main__':
    main()
