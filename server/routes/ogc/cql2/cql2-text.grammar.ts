/**
 * The CQL2 text grammar (OGC 21-065, the parts this server implements), for peggy: it turns a
 * filter into its CQL2 JSON form, so that both encodings go through one translation
 * (db/spatial/cql2-sql.ts). Covered: basic CQL2 (comparisons, AND, OR, NOT, IS NULL, literals,
 * TIMESTAMP, DATE), advanced comparisons (LIKE, BETWEEN, IN), CASEI, the spatial operators with
 * WKT and BBOX literals, the temporal operators with INTERVAL, and function calls
 * (`DWITHIN_METERS(geometry, POINT(18.06 59.33), 500)`). Keywords are case-insensitive;
 * property names are identifiers or "double-quoted".
 */
export const CQL2_TEXT_GRAMMAR = String.raw`
{{
  function negate(not, e) { return not ? { op: 'not', args: [e] } : e; }
}}

start = _ e:Or _ { return e; }

Or = head:And tail:(__ "OR"i __ @And)* { return tail.length ? { op: 'or', args: [head, ...tail] } : head; }
And = head:Not tail:(__ "AND"i __ @Not)* { return tail.length ? { op: 'and', args: [head, ...tail] } : head; }
Not = "NOT"i __ e:Primary { return { op: 'not', args: [e] }; } / Primary
Primary = "(" _ e:Or _ ")" { return e; } / Predicate / BooleanLiteral

Predicate
  = a:Scalar _ op:ComparisonOperator _ b:Scalar { return { op, args: [a, b] }; }
  / a:Scalar __ not:("NOT"i __)? "LIKE"i __ p:Scalar { return negate(not, { op: 'like', args: [a, p] }); }
  / a:Scalar __ not:("NOT"i __)? "BETWEEN"i __ lo:Scalar __ "AND"i __ hi:Scalar { return negate(not, { op: 'between', args: [a, lo, hi] }); }
  / a:Scalar __ not:("NOT"i __)? "IN"i _ "(" _ list:ScalarList _ ")" { return negate(not, { op: 'in', args: [a, list] }); }
  / a:Scalar __ "IS"i __ not:("NOT"i __)? "NULL"i { return negate(not, { op: 'isNull', args: [a] }); }
  / SpatialPredicate
  / TemporalPredicate
  / FunctionCall

ComparisonOperator = "<>" / "<=" / ">=" / "=" / "<" / ">"

SpatialPredicate = op:SpatialOperator _ "(" _ a:Geometric _ "," _ b:Geometric _ ")" { return { op: op.toLowerCase(), args: [a, b] }; }
SpatialOperator = $("S_INTERSECTS"i / "S_EQUALS"i / "S_DISJOINT"i / "S_TOUCHES"i / "S_WITHIN"i / "S_OVERLAPS"i / "S_CROSSES"i / "S_CONTAINS"i)

TemporalPredicate = op:TemporalOperator _ "(" _ a:Temporal _ "," _ b:Temporal _ ")" { return { op: op.toLowerCase(), args: [a, b] }; }
TemporalOperator = $("T_INTERSECTS"i / "T_DISJOINT"i / "T_EQUALS"i / "T_BEFORE"i / "T_AFTER"i / "T_DURING"i / "T_CONTAINS"i)

FunctionCall = name:Identifier _ "(" _ args:ArgumentList? _ ")" { return { op: name.toLowerCase(), args: args ?? [] }; }
ArgumentList = head:Argument tail:(_ "," _ @Argument)* { return [head, ...tail]; }
Argument = Geometry / Scalar

Scalar = Instant / CaseInsensitive / CharacterLiteral / NumericLiteral / BooleanLiteral / Property
ScalarList = head:Scalar tail:(_ "," _ @Scalar)* { return [head, ...tail]; }
CaseInsensitive = "CASEI"i _ "(" _ a:Scalar _ ")" { return { op: 'casei', args: [a] }; }
Geometric = Geometry / Property
Temporal = Instant / Interval / Property

Property = name:Identifier { return { property: name }; }
Identifier "property name"
  = '"' chars:$([^"]+) '"' { return chars; }
  / !(Keyword ![A-Za-z0-9_:.]) name:$([A-Za-z_][A-Za-z0-9_:.]*) { return name; }
Keyword = "AND"i / "OR"i / "NOT"i / "LIKE"i / "BETWEEN"i / "IN"i / "IS"i / "NULL"i / "TRUE"i / "FALSE"i

CharacterLiteral "text in single quotes" = "'" chars:("''" { return "'"; } / [^'])* "'" { return chars.join(''); }
NumericLiteral "number" = text:$("-"? [0-9]+ ("." [0-9]+)? ([eE] [+-]? [0-9]+)?) { return Number(text); }
BooleanLiteral = "TRUE"i ![A-Za-z0-9_] { return true; } / "FALSE"i ![A-Za-z0-9_] { return false; }

Instant
  = "TIMESTAMP"i _ "(" _ s:CharacterLiteral _ ")" { return { timestamp: s }; }
  / "DATE"i _ "(" _ s:CharacterLiteral _ ")" { return { date: s }; }
Interval = "INTERVAL"i _ "(" _ a:IntervalEnd _ "," _ b:IntervalEnd _ ")" { return { interval: [a, b] }; }
IntervalEnd = Instant / CharacterLiteral / Property

Geometry = Point / LineString / Polygon / MultiPoint / MultiLineString / MultiPolygon / Box
Point = "POINT"i _ "(" _ c:Coordinate _ ")" { return { type: 'Point', coordinates: c }; }
LineString = "LINESTRING"i _ c:CoordinateList { return { type: 'LineString', coordinates: c }; }
Polygon = "POLYGON"i _ r:RingList { return { type: 'Polygon', coordinates: r }; }
MultiPoint = "MULTIPOINT"i _ "(" _ head:PointText tail:(_ "," _ @PointText)* _ ")" { return { type: 'MultiPoint', coordinates: [head, ...tail] }; }
MultiLineString = "MULTILINESTRING"i _ r:RingList { return { type: 'MultiLineString', coordinates: r }; }
MultiPolygon = "MULTIPOLYGON"i _ "(" _ head:RingList tail:(_ "," _ @RingList)* _ ")" { return { type: 'MultiPolygon', coordinates: [head, ...tail] }; }
Box = "BBOX"i _ "(" _ a:NumericLiteral _ "," _ b:NumericLiteral _ "," _ c:NumericLiteral _ "," _ d:NumericLiteral _ ")" { return { bbox: [a, b, c, d] }; }
PointText = "(" _ c:Coordinate _ ")" { return c; } / Coordinate
Coordinate = x:NumericLiteral __ y:NumericLiteral { return [x, y]; }
CoordinateList = "(" _ head:Coordinate tail:(_ "," _ @Coordinate)* _ ")" { return [head, ...tail]; }
RingList = "(" _ head:CoordinateList tail:(_ "," _ @CoordinateList)* _ ")" { return [head, ...tail]; }

_ "white space" = [ \t\r\n]*
__ "white space" = [ \t\r\n]+
`;
