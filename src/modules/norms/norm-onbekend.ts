import { ApiError, ErrorCode } from '../../shared/errors';
import { formatDatum } from '../../shared/format-nl';
import { UserErrorCode } from '../../shared/user-error';
import type { RuleError } from '../toeslag/toeslag.rules';
import type { NormOntbreektError } from './norms';

/**
 * NormOntbreektError (a date before the first version of a norm) as the API reports it: a userError
 * NORM_ONBEKEND in a mutation payload, a GraphQL error NORM_ONBEKEND from a calculation query. The
 * message is Dutch, for people, and names the first date from which `wat` can be determined.
 */
export function normOnbekendMelding(e: NormOntbreektError, wat: string): string {
  const normen = e.codes.join(', ');
  return (
    `Op ${formatDatum(e.datum)} kan ${wat} niet worden bepaald: de normentabel heeft op die datum nog geen waarde voor ${normen}. ` +
    (e.beschikbaarVanaf ? `Dat kan vanaf ${formatDatum(e.beschikbaarVanaf)}.` : 'Er is nog geen datum waarop dat kan.')
  );
}

/** The userError for a refusing mutation. */
export function normOnbekendFout(e: NormOntbreektError, wat: string, field: string[] | null): RuleError {
  return { code: UserErrorCode.NORM_ONBEKEND, field, message: normOnbekendMelding(e, wat) };
}

/** The GraphQL error for a calculation query; `field` is the input path, e.g. input.datum. */
export function normOnbekendError(e: NormOntbreektError, wat: string, field: string): ApiError {
  return new ApiError(ErrorCode.NORM_ONBEKEND, normOnbekendMelding(e, wat), { field, beschikbaarVanaf: e.beschikbaarVanaf, normen: [...e.codes] });
}
