/* bad-files.h: malformed and hostile project files, with what their error must say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define HEAD "{\"format\":\"modelcost\",\"version\":1,\"title\":\"T\",\"currency\":\"CNY\","
#define GOOD_ITEM "\"quantity\":1,\"unit_price\":2,\"period\":\"month\""
#define WITH_ITEM(fields) \
  HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[{\"id\":\"i\",\"name\":\"I\"," fields "}]}]}"
#define WITH_CATEGORY(fields) \
  HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\"," fields "}]}"
#define WITH_PROJECT(fields) \
  "{\"format\":\"modelcost\",\"version\":1," fields "}"
#define WITH_SCENARIO(fields) \
  HEAD "\"categories\":[],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\"," fields "}]}"

typedef struct
{
  const char *name;
  const char *data;
  const char *message;   /* what the error must say */
} BadFile;

static const BadFile bad_files[] G_GNUC_UNUSED = {
  { "empty", "", "the file is empty" },
  { "whitespace", "   \n", "the file is empty" },
  { "truncated", HEAD "\"categories\":[{\"id\":\"c\",\"na", "not valid JSON" },
  { "trailing-garbage", WITH_CATEGORY ("\"items\":[]") " xyz", "not valid JSON" },
  { "octal-escape", WITH_PROJECT ("\"currency\":\"CNY\",\"categories\":[],\"x\":\"a\\600\""),
    "not valid JSON: 1:74: a backslash escape that JSON does not have" },
  { "closing-first", "]]{\"format\":\"modelcost\",\"version\":1}", "not valid JSON" },
  { "two-documents", WITH_CATEGORY ("\"items\":[]") "\n" WITH_CATEGORY ("\"items\":[]"),
    "not valid JSON: 2:1: something follows the end of the document" },
  { "comment", WITH_CATEGORY ("/* a note */ \"items\":[]"), "not valid JSON: 1:99: comments and single quotes are not allowed" },
  { "single-quotes", WITH_CATEGORY ("'items':[]"), "comments and single quotes are not allowed" },
  { "array-root", "[]", "not a ModelCost project" },
  { "null-root", "null", "not a ModelCost project" },
  { "number-root", "42", "not a ModelCost project" },
  { "string-root", "\"modelcost\"", "not a ModelCost project" },
  { "other-format", "{\"format\":\"other\",\"version\":1}", "format: must be “modelcost”" },
  { "no-format", "{\"version\":1,\"currency\":\"CNY\",\"categories\":[]}", "format: must be" },
  { "version-string", "{\"format\":\"modelcost\",\"version\":\"1\"}", "version: must be a whole number" },
  { "version-fraction", "{\"format\":\"modelcost\",\"version\":1.5}", "version: must be a whole number" },
  { "version-zero", "{\"format\":\"modelcost\",\"version\":0}", "version: must be a whole number" },
  { "version-missing", "{\"format\":\"modelcost\"}", "version: is missing" },
  { "version-newer", "{\"format\":\"modelcost\",\"version\":2,\"future\":true}", "newer ModelCost" },
  { "currency-missing", WITH_PROJECT ("\"categories\":[]"), "currency: is missing" },
  { "currency-word", WITH_PROJECT ("\"currency\":\"yuan\",\"categories\":[]"), "currency: must be a three-letter" },
  { "currency-number", WITH_PROJECT ("\"currency\":156,\"categories\":[]"), "currency: must be a string" },
  { "horizon-zero", WITH_PROJECT ("\"currency\":\"CNY\",\"horizon_months\":0,\"categories\":[]"), "horizon_months: must be a whole number between 1 and 120" },
  { "horizon-huge", WITH_PROJECT ("\"currency\":\"CNY\",\"horizon_months\":1000,\"categories\":[]"), "horizon_months: must be" },
  { "horizon-string", WITH_PROJECT ("\"currency\":\"CNY\",\"horizon_months\":\"12\",\"categories\":[]"), "horizon_months: must be" },
  { "categories-missing", WITH_PROJECT ("\"currency\":\"CNY\""), "categories: is missing" },
  { "categories-object", WITH_PROJECT ("\"currency\":\"CNY\",\"categories\":{}"), "categories: must be a list" },
  { "category-number", WITH_PROJECT ("\"currency\":\"CNY\",\"categories\":[1]"), "categories[0]: must be an object" },
  { "category-no-id", HEAD "\"categories\":[{\"name\":\"C\"}]}", "categories[0].id: is missing" },
  { "category-empty-id", HEAD "\"categories\":[{\"id\":\"\",\"name\":\"C\"}]}", "categories[0].id: must be a non-empty string" },
  { "category-duplicate-id", HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\"},{\"id\":\"c\",\"name\":\"D\"}]}", "categories[1].id: “c” is used twice" },
  { "category-name-number", HEAD "\"categories\":[{\"id\":\"c\",\"name\":5}]}", "categories[0].name: must be a string" },
  { "category-color", WITH_CATEGORY ("\"color\":\"red\""), "categories[0].color: must be a colour" },
  { "category-factor-negative", WITH_CATEGORY ("\"factor\":-1"), "categories[0].factor: must be a non-negative number" },
  { "category-factor-string", WITH_CATEGORY ("\"factor\":\"1\""), "categories[0].factor: must be a non-negative number" },
  { "items-object", WITH_CATEGORY ("\"items\":{}"), "categories[0].items: must be a list" },
  { "item-string", WITH_CATEGORY ("\"items\":[\"gpu\"]"), "categories[0].items[0]: must be an object" },
  { "quantity-missing", WITH_ITEM ("\"unit_price\":2,\"period\":\"month\""), "categories[0].items[0].quantity: is missing" },
  { "quantity-negative", WITH_ITEM ("\"quantity\":-5,\"unit_price\":2,\"period\":\"month\""), "categories[0].items[0].quantity: must be a non-negative number" },
  { "quantity-huge", WITH_ITEM ("\"quantity\":1e16,\"unit_price\":2,\"period\":\"month\""), "items[0].quantity: must be a non-negative number no larger than 10¹⁵" },
  { "quantity-overflow", WITH_ITEM ("\"quantity\":1e400,\"unit_price\":2,\"period\":\"month\""), "items[0].quantity" },
  { "quantity-string", WITH_ITEM ("\"quantity\":\"10\",\"unit_price\":2,\"period\":\"month\""), "items[0].quantity: must be a non-negative number" },
  { "quantity-bool", WITH_ITEM ("\"quantity\":true,\"unit_price\":2,\"period\":\"month\""), "items[0].quantity: must be" },
  { "quantity-null", WITH_ITEM ("\"quantity\":null,\"unit_price\":2,\"period\":\"month\""), "items[0].quantity: must be" },
  { "quantity-nan", WITH_ITEM ("\"quantity\":NaN,\"unit_price\":2,\"period\":\"month\""), "not valid JSON" },
  { "price-infinity", WITH_ITEM ("\"quantity\":1,\"unit_price\":Infinity,\"period\":\"month\""), "not valid JSON" },
  { "price-negative", WITH_ITEM ("\"quantity\":1,\"unit_price\":-0.5,\"period\":\"month\""), "categories[0].items[0].unit_price: must be a non-negative number" },
  { "period-unknown", WITH_ITEM ("\"quantity\":1,\"unit_price\":2,\"period\":\"weekly\""), "items[0].period: must be one of hour, day, month, year, once" },
  { "period-missing", WITH_ITEM ("\"quantity\":1,\"unit_price\":2"), "items[0].period: is missing" },
  { "amortize-zero", WITH_ITEM (GOOD_ITEM ",\"amortize_months\":0"), "items[0].amortize_months: must be a whole number between 1 and 120" },
  { "start-after-horizon", WITH_ITEM (GOOD_ITEM ",\"start_month\":12"), "items[0].start_month: must be a whole number between 0 and 11" },
  { "start-negative", WITH_ITEM (GOOD_ITEM ",\"start_month\":-1"), "items[0].start_month: must be" },
  { "end-before-start", WITH_ITEM (GOOD_ITEM ",\"start_month\":5,\"end_month\":3"), "items[0].end_month: must not be before start_month" },
  { "growth-below", WITH_ITEM (GOOD_ITEM ",\"monthly_growth\":-2"), "items[0].monthly_growth: must be a number between" },
  { "as-of-word", WITH_ITEM (GOOD_ITEM ",\"price_as_of\":\"yesterday\""), "items[0].price_as_of: must be a date of the form YYYY-MM-DD" },
  { "as-of-invalid-day", WITH_ITEM (GOOD_ITEM ",\"price_as_of\":\"2026-02-30\""), "items[0].price_as_of: must be a date" },
  { "item-duplicate-id", HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[{\"id\":\"i\",\"name\":\"A\"," GOOD_ITEM "},{\"id\":\"i\",\"name\":\"B\"," GOOD_ITEM "}]}]}", "categories[0].items[1].id: “i” is used twice" },
  { "item-id-equals-category", HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[{\"id\":\"c\",\"name\":\"A\"," GOOD_ITEM "}]}]}", "items[0].id: “c” is used twice" },
  { "title-object", WITH_PROJECT ("\"title\":{},\"currency\":\"CNY\",\"categories\":[]"), "title: must be a string" },
  { "scenarios-object", HEAD "\"categories\":[],\"scenarios\":{}}", "scenarios: must be a list" },
  { "scenario-duplicate-id", HEAD "\"categories\":[],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\"},{\"id\":\"s\",\"name\":\"T\"}]}", "scenarios[1].id: “s” is used twice" },
  { "override-negative", WITH_SCENARIO ("\"overrides\":[{\"item\":\"gpu\",\"quantity\":-1}]"), "scenarios[0].overrides[0].quantity: must be a non-negative number" },
  { "override-empty", WITH_SCENARIO ("\"overrides\":[{\"item\":\"gpu\"}]"), "scenarios[0].overrides[0]: overrides nothing" },
  { "override-twice", WITH_SCENARIO ("\"overrides\":[{\"item\":\"gpu\",\"quantity\":1},{\"item\":\"gpu\",\"unit_price\":1}]"), "overrides[1].item: “gpu” is overridden twice" },
  { "factors-list", WITH_SCENARIO ("\"factors\":[1]"), "scenarios[0].factors: must be an object" },
  { "factor-string", WITH_SCENARIO ("\"factors\":{\"compute\":\"x\"}"), "scenarios[0].factors.compute: must be a non-negative number" },
  { "excluded-number", WITH_SCENARIO ("\"excluded\":[3]"), "scenarios[0].excluded[0]: must be an item id" },
  { "added-no-category", WITH_SCENARIO ("\"added\":[{\"id\":\"x\",\"name\":\"X\"," GOOD_ITEM "}]"), "scenarios[0].added[0].category: is missing" },
  { "nul-byte", "{\"format\":\"modelcost\"\0}", "not UTF-8 text" },
};

