import { Field, InputType } from 'type-graphql';
import { PostgraduateDegree } from '../entities/enums';

@InputType({ description: 'Narrows the list of postgraduate programs; every given field must match.' })
export class PostgraduateProgramFilter {
  @Field(() => String, { nullable: true, description: 'University offering it, e.g. UNI-01.' })
  universityCode?: string | null;

  @Field(() => PostgraduateDegree, { nullable: true })
  degree?: PostgraduateDegree | null;
}
