/**
 * Builds an UpdateExpression from a plain object: `undefined` fields are left alone, `null`
 * fields are removed, the rest are set. Hand-written because lib-dynamodb has no expression
 * builder (and the library that had one is no longer maintained).
 */
export function updateExpression(fields: Record<string, unknown>) {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  const set = entries.filter(([, value]) => value !== null);
  const remove = entries.filter(([, value]) => value === null);
  const clauses = [
    set.length > 0 ? `SET ${set.map(([name]) => `#u_${name} = :u_${name}`).join(", ")}` : "",
    remove.length > 0 ? `REMOVE ${remove.map(([name]) => `#u_${name}`).join(", ")}` : "",
  ];
  return {
    UpdateExpression: clauses.filter(Boolean).join(" "),
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#u_${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(
      set.map(([name, value]) => [`:u_${name}`, value]),
    ),
  };
}

type Expression = {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

/** Merges the placeholders of an update and a condition into one request. */
export function withCondition<U extends Expression, C extends Expression>(update: U, condition: C) {
  return {
    ...update,
    ...condition,
    ExpressionAttributeNames: {
      ...update.ExpressionAttributeNames,
      ...condition.ExpressionAttributeNames,
    },
    ExpressionAttributeValues: {
      ...update.ExpressionAttributeValues,
      ...condition.ExpressionAttributeValues,
    },
  };
}
