/*
** The demo organization, Telco Andina: its respondent attributes, segments,
** channels, internal areas, experience dimensions (with the true weights of
** the score model), touchpoints in journey order with the areas that
** answer for each, and two invented competitors. Plain tables;
** docs/demo.md describes the same content.
*/
#include "demo_model.h"

const char *demo_org_name(void){ return "Telco Andina"; }

const DemoAttrDef demo_aAttr[DEMO_NATTR] = {
  [DA_REGION] = {"region", "demographic", 8,
    {"Lima", "Arequipa", "Trujillo", "Cusco", "Piura", "Chiclayo", "Huancayo", "Puno"}},
  [DA_EDAD] = {"edad", "demographic", 5, {"18-24", "25-34", "35-44", "45-54", "55+"}},
  [DA_PLAN] = {"plan", "demographic", 4, {"prepago", "postpago", "hogar", "empresas"}},
  [DA_ANTIG] = {"antiguedad", "demographic", 3, {"<1 año", "1-3 años", ">3 años"}},
  [DA_PERFIL] = {"perfil", "psychographic", DEMO_NPERFIL,
    {"digital", "precio", "tradicional", "familia"}},
  [DA_MOTIV] = {"motivacion", "psychographic", 5,
    {"estar conectado", "ahorrar", "entretenimiento", "trabajo", "seguridad de la familia"}},
};

const DemoSegDef demo_aSeg[DEMO_NSEG] = {
  {"Jóvenes digitales", "edad=18-24|25-34, perfil=digital",
   "Menores de 35 que resuelven todo desde el celular; valoran la app y la velocidad."},
  {"Cazadores de precio", "perfil=precio, plan=prepago",
   "Clientes prepago atentos a cada promoción; comparan precios y se cambian con facilidad."},
  {"Familias conectadas", "perfil=familia, plan=hogar|postpago",
   "Hogares con varias líneas e internet fijo; piden una factura clara y que se reconozca su fidelidad."},
  {"Leales tradicionales", "antiguedad=>3 años, perfil=tradicional",
   "Clientes de más de tres años que prefieren la tienda y el teléfono; esperan un trato amable."},
  {"Empresas", "plan=empresas",
   "Pymes y corporativos: necesitan una red confiable y una atención rápida y dedicada."},
};

const char *const demo_azChannel[DEMO_NCHAN] = {
  "Tienda", "Web", "App", "Call center", "WhatsApp", "SMS", "Correo electrónico",
  "Visita técnica",
};
enum { CH_TIENDA, CH_WEB, CH_APP, CH_CALL, CH_WHATSAPP, CH_SMS, CH_CORREO, CH_VISITA };

const DemoAreaDef demo_aArea[DEMO_NAREA] = {
  {"Red", "Planificación, operación y mantenimiento de la red móvil y fija."},
  {"Comercial", "Planes, precios, tiendas y canal de ventas."},
  {"Atención al cliente", "Call center, WhatsApp, soporte técnico y reclamos."},
  {"Facturación", "Emisión de boletas, cobros y pagos."},
  {"Digital", "App Mi Telco Andina y web de autogestión."},
  {"Marketing", "Marca, comunicación y programa de fidelización."},
};
enum { AR_RED, AR_COMERCIAL, AR_ATENCION, AR_FACTURACION, AR_DIGITAL, AR_MARKETING };

/* The weights are on the NPS likelihood scale (0..10) per rating point
** (1..5). Three dominate: network coverage, first-contact resolution and
** fair price (the latter mostly through the "precio" perfil). */
const DemoDimDef demo_aDim[DEMO_NDIM] = {
  {"Cobertura de red", "Network coverage", "cobertura",
   "Señal disponible y estable donde el cliente vive, trabaja y viaja.", AR_RED, 3.55, 0.90},
  {"Velocidad de internet", "Internet speed", "velocidad",
   "Velocidad real de datos móviles e internet hogar frente a lo contratado.", AR_RED, 3.45, 0.25},
  {"Precio justo", "Fair price", "precio",
   "Relación entre lo que se paga y lo que se recibe.", AR_COMERCIAL, 3.05, 0.35},
  {"Claridad de la factura", "Clear bill", "factura",
   "Boleta fácil de entender, con conceptos explicados.", AR_FACTURACION, 3.40, 0.10},
  {"Rapidez de atención", "Speed of service", "rapidez",
   "Tiempo de espera en tienda, call center y WhatsApp.", AR_ATENCION, 3.20, 0.15},
  {"Resolución al primer contacto", "First-contact resolution", "resolucion",
   "El problema se resuelve sin volver a llamar ni ser derivado.", AR_ATENCION, 3.15, 0.65},
  {"Amabilidad", "Friendliness", "amabilidad",
   "Trato cordial y empático del personal.", AR_ATENCION, 3.95, 0.08},
  {"Facilidad de la app", "Ease of the app", "app",
   "Hacer trámites, pagos y consultas en la app y la web sin ayuda.", AR_DIGITAL, 3.55, 0.12},
  {"Transparencia", "Transparency", "transparencia",
   "Condiciones claras desde el inicio, sin cobros sorpresa.", AR_COMERCIAL, 3.20, 0.20},
  {"Reconocimiento de la antigüedad", "Loyalty recognition", "reconocimiento",
   "Beneficios y trato que reconocen los años como cliente.", AR_MARKETING, 2.95, 0.06},
};

const DemoPerfilWeight demo_aPerfilWeight[DEMO_NPERFIL] = {
  [DP_DIGITAL] = {D_APP, 0.25},
  [DP_PRECIO] = {D_PRECIO, 0.30},
  [DP_TRADICIONAL] = {D_AMABILIDAD, 0.25},
  [DP_FAMILIA] = {D_RECONOCIMIENTO, 0.20},
};

const DemoTpDef demo_aTp[DEMO_NTP] = {
  {"Descubrimiento", "El cliente compara planes y ofertas antes de decidir.", CH_WEB,
   {D_PRECIO, D_TRANSPARENCIA, D_APP, D_COBERTURA}, 0.10, 0.08,
   3, {AR_MARKETING, AR_COMERCIAL, AR_DIGITAL}},
  {"Contratación", "Firma del contrato o compra del chip en tienda.", CH_TIENDA,
   {D_AMABILIDAD, D_RAPIDEZ, D_TRANSPARENCIA, D_PRECIO}, 0.15, 0.10,
   1, {AR_COMERCIAL}},
  {"Instalación y activación", "Activación de la línea o instalación del internet hogar.",
   CH_VISITA, {D_RAPIDEZ, D_RESOLUCION, D_AMABILIDAD, D_VELOCIDAD}, -0.05, 0.08,
   1, {AR_RED}},
  {"Facturación", "Recepción y pago de la boleta mensual.", CH_CORREO,
   {D_FACTURA, D_TRANSPARENCIA, D_PRECIO, D_APP}, -0.15, 0.14,
   1, {AR_FACTURACION}},
  {"Uso de la red", "Experiencia diaria de llamadas y datos.", CH_SMS,
   {D_COBERTURA, D_VELOCIDAD, D_PRECIO, D_TRANSPARENCIA}, 0.00, 0.12,
   1, {AR_RED}},
  {"Soporte técnico", "Consultas y averías atendidas por el call center.", CH_CALL,
   {D_RAPIDEZ, D_RESOLUCION, D_AMABILIDAD, D_COBERTURA}, -0.20, 0.14,
   2, {AR_ATENCION, AR_RED}},
  {"App y autogestión", "Recargas, pagos y trámites en la app Mi Telco Andina.", CH_APP,
   {D_APP, D_RAPIDEZ, D_FACTURA, D_RESOLUCION}, 0.10, 0.12,
   1, {AR_DIGITAL}},
  {"Reclamos", "Reclamos formales por cobros, averías o incumplimientos.", CH_WHATSAPP,
   {D_RESOLUCION, D_RAPIDEZ, D_AMABILIDAD, D_TRANSPARENCIA}, -0.60, 0.08,
   2, {AR_ATENCION, AR_FACTURACION}},
  {"Renovación de plan", "Cambio de plan o renovación de equipo.", CH_TIENDA,
   {D_RECONOCIMIENTO, D_PRECIO, D_TRANSPARENCIA, D_AMABILIDAD}, 0.05, 0.08,
   2, {AR_COMERCIAL, AR_MARKETING}},
  {"Portabilidad y baja", "El cliente pide irse a otra compañía o dar de baja la línea.",
   CH_CALL, {D_RECONOCIMIENTO, D_RESOLUCION, D_PRECIO, D_AMABILIDAD}, -0.45, 0.06,
   2, {AR_ATENCION, AR_COMERCIAL}},
};

const DemoCompDef demo_aComp[DEMO_NCOMP] = {
  {"Movitel", "low-cost: mejor en precio justo, peor en cobertura y velocidad", -0.10,
   {-0.55, -0.45, 0.75, 0.10, 0.00, -0.10, 0.00, -0.20, 0.15, 0.00}, 0.55},
  {"Claronet", "premium: mejor en cobertura y velocidad, caro y poco transparente", -0.05,
   {0.50, 0.55, -0.65, -0.10, -0.20, 0.00, -0.05, 0.10, -0.25, -0.10}, 0.45},
};

const char *demo_dim_name(int k){
  return k >= 0 && k < DEMO_NDIM ? demo_aDim[k].zName : "";
}

double demo_dim_weight(int k){
  if( k < 0 || k >= DEMO_NDIM ) return 0.0;
  double w = demo_aDim[k].weight;
  for(int p = 0; p < DEMO_NPERFIL; p++){
    if( demo_aPerfilWeight[p].iDim==k ) w += demo_perfil_share(p) * demo_aPerfilWeight[p].extra;
  }
  return w;
}
