import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { BadUserInputError } from '../shared/errors';

/**
 * An RFC 7946 geometry object (`{ "type": "Polygon", "coordinates": [...] }`).
 * The scalar only checks that the value is a JSON object: geometry rules are checked by
 * the geometry validator, which answers with `INVALID_GEOMETRY` and a message a GIS user understands.
 */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description:
    'An RFC 7946 GeoJSON geometry object. Coordinates are x,y (longitude/easting first) in the CRS named by the sibling `crs` argument (default EPSG_4326).',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc7946#section-3.1',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value === 'string') return parseJsonObject(value);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseJsonObject(ast.value);
    return valueFromLiteral(ast);
  },
});

/** A JSON string is accepted too; anything else (WKT, say) is passed on for the validator to refuse clearly. */
function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// Private: GraphQL object literals (e.g. `area: {type: "Point", coordinates: [18, 59]}`) to plain values.
function valueFromLiteral(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, valueFromLiteral(field.value)]));
    case Kind.LIST:
      return ast.values.map(valueFromLiteral);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    default:
      throw new BadUserInputError('GeoJSON literals cannot contain variables; pass the whole geometry as a variable');
  }
}
