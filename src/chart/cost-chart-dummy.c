/* placeholder translation unit until the renderers land */
#include "config.h"
int cost_chart_dummy_symbol;
