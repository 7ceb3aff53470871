import { Directive, Field, ObjectType } from 'type-graphql';
import { governorateByCode } from '../demo/reference-data';
import { urError } from '../errors/ur-error';

/** One of Iraq's 18 governorates; the same value type in every subgraph (hence shareable). */
@Directive('@shareable')
@ObjectType('Governorate', { description: 'One of the 18 governorates of Iraq.' })
export class GovernorateType {
  @Field(() => String, { description: 'Short code, e.g. BGD.' }) code!: string;
  @Field(() => String, { description: 'Arabic name.' }) name!: string;
  @Field(() => String, { description: 'English name.' }) nameEn!: string;
}

export function governorateOf(code: string): GovernorateType {
  const g = governorateByCode(code);
  if (!g) throw new Error(`unknown governorate code ${code} in stored data`);
  return Object.assign(new GovernorateType(), { code: g.code, name: g.ar, nameEn: g.en });
}

/** For arguments and filters: an unknown code is the caller's mistake, said plainly. */
export function assertGovernorateCode(code: string, argument = 'governorate'): string {
  if (!governorateByCode(code)) {
    throw urError('BAD_USER_INPUT', `Unknown governorate "${code}"; use a code such as BGD, BSR or NIN.`, {
      argument,
    });
  }
  return code;
}
