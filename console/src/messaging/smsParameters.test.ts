import { describe, expect, it } from 'vitest';
import { formatParameters, parseParameters, wordingParameters } from './smsParameters';

describe('SMS template parameters', () => {
  it('reads one parameter per line and writes them back', () => {
    const parsed = parseParameters('name = {{customer.first_name}}\n\n code={{data.code}} \n');
    expect(parsed).toEqual({ name: '{{customer.first_name}}', code: '{{data.code}}' });
    expect(parseParameters(formatParameters(parsed))).toEqual(parsed);
  });

  it('keeps a line without a value for the server to name', () => {
    expect(parseParameters('name')).toEqual({ name: '' });
  });

  it('finds the parameters the wording names', () => {
    expect(wordingParameters('${name}，您的验证码 ${code}，${name} 拒收请回复R')).toEqual(['name', 'code']);
    expect(wordingParameters('no parameters')).toEqual([]);
  });
});
