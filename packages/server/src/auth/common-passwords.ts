/**
 * Passwords of 10 characters and more that lead the published lists of leaked passwords (the shorter
 * ones are refused by length already), with the Chinese favourites; and the words whose variants
 * (`password12`, `Admin@2024`, `jixiao2023!`) a guesser tries first. Compared in lower case.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '0123456789', '0987654321', '1111111111', '0000000000', '1234512345', '1122334455', '1357924680',
  'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6',
  '1qaz2wsx3edc', '1qaz2wsx3e', 'zaq12wsxcde3', 'qazwsxedcrfv', 'asdfghjkl1', 'asdfghjkl;', 'zxcvbnm123', 'zxcvbnm1234',
  'abc1234567', 'abcd123456', 'abcde12345', 'a123456789', 'a1234567890', 'aa123456789', 'qq123456789', 'a1b2c3d4e5',
  'abcdefghij', 'abcdefg123', 'password12', 'password123', 'password1234', 'passw0rd12', 'p@ssw0rd12', 'p@ssword123',
  'iloveyou12', 'iloveyou123', 'woaini1314', 'woaini520', 'woaini5201314', '5201314520', '1314520520', 'iloveyou1314',
  'admin12345', 'admin123456', 'admin@1234', 'admin@12345', 'administrator', 'root123456', 'test123456', 'welcome123',
  'letmein123', 'sunshine12', 'football12', 'princess12', 'baseball12', 'dragon1234', 'monkey1234', 'master1234',
  'superman12', 'changeme12', 'computer12', 'internet12', 'trustno1234', 'starwars12', 'whatever12', 'qweasdzxc1',
  'qweasdzxc123', 'asdasdasd1', 'asd123456789', 'zxc123456789', 'wang123456', 'li12345678', 'zhang123456', 'liu1234567',
]);

/** Words a guesser pairs with digits and symbols; a password that is one of them plus decoration is refused. */
export const COMMON_WORDS: readonly string[] = ['password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin', 'administrator', 'qwerty', 'iloveyou', 'woaini', 'welcome', 'letmein', 'jixiao', 'changeme', 'test', 'abc', 'root', 'user', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qazwsx', 'qweasdzxc', 'abcdef', 'abcdefg', 'abcdefghij'];
