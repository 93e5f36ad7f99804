import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { description: 'An object with an opaque global id, fetchable with `node(id)` under the same access rules.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
