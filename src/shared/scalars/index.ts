export { BsnScalar } from './bsn.scalar';
export { MoneyScalar, parseMoney, formatMoney } from './money.scalar';
export { DateScalar, isIsoDate } from './date.scalar';
export { GemeentecodeScalar } from './gemeentecode.scalar';
