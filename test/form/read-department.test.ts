import test from 'ava';
import { readDepartment } from '../../src/form/read-values.ts';

test('a department code is read before a dash, a space, in brackets after the name, and run into the name', (t) => {
  const name = '山西省林业和草原局';
  for (const text of [`303-${name}`, `303 - ${name}`, `303－${name}`, `303 ${name}`, `${name}(303)`, `${name}（303）`, `303${name}`, `303一${name}`]) {
    t.deepEqual(readDepartment(text), { code: '303', name }, text);
  }
});

test('a name with no code, or digits inside it, is a name only', (t) => {
  t.deepEqual(readDepartment('山西省地方金融监督管理局'), { code: null, name: '山西省地方金融监督管理局' });
  t.deepEqual(readDepartment('第2师财政局'), { code: null, name: '第2师财政局' });
  t.deepEqual(readDepartment('3局'), { code: null, name: '3局' });
  t.deepEqual(readDepartment(''), { code: null, name: null });
});
