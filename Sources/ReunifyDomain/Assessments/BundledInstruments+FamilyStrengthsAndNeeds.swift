/// The Family Strengths and Needs definition, in the JSON form an administrator adds, with its Spanish wording.
extension BundledInstruments {
    static let familyStrengthsAndNeedsJSON = #"""
{
 "id": "family-strengths-needs",
 "version": 1,
 "jurisdiction": "open",
 "title": "Family Strengths and Needs",
 "points": [
  "intake",
  "interim",
  "reunification",
  "closure"
 ],
 "domains": [
  {
   "id": "environment",
   "title": "Home and surroundings",
   "description": "Where the family lives and whether it is safe and stable for the children.",
   "overallRequired": true,
   "items": [
    {
     "id": "environment.housing_stability",
     "text": "The family has a stable place to live.",
     "required": false
    },
    {
     "id": "environment.housing_safety",
     "text": "The home is safe for the children: no hazards, and the heating, water and power work.",
     "required": false
    },
    {
     "id": "environment.neighbourhood",
     "text": "The neighbourhood is safe enough for the children to live and play in.",
     "required": false
    },
    {
     "id": "environment.cleanliness",
     "text": "The home is kept clean enough for the children's health.",
     "required": false
    }
   ]
  },
  {
   "id": "parental_capabilities",
   "title": "Parenting",
   "description": "How the parents care for, guide and protect the children.",
   "overallRequired": true,
   "items": [
    {
     "id": "parental_capabilities.supervision",
     "text": "The parents watch over the children in ways that fit their ages.",
     "required": false
    },
    {
     "id": "parental_capabilities.discipline",
     "text": "The parents guide the children's behaviour without harsh or physical punishment.",
     "required": false
    },
    {
     "id": "parental_capabilities.development",
     "text": "The parents help the children learn and grow: school, play, routines.",
     "required": false
    },
    {
     "id": "parental_capabilities.substance_use",
     "text": "The parents' use of alcohol or drugs does not get in the way of caring for the children.",
     "required": false
    }
   ]
  },
  {
   "id": "family_interactions",
   "title": "Family relationships",
   "description": "How the family members get on with one another.",
   "overallRequired": true,
   "items": [
    {
     "id": "family_interactions.bonding",
     "text": "Parents and children show warmth and closeness.",
     "required": false
    },
    {
     "id": "family_interactions.expectations",
     "text": "The parents expect things of the children that fit their ages.",
     "required": false
    },
    {
     "id": "family_interactions.mutual_support",
     "text": "Family members help and support one another.",
     "required": false
    },
    {
     "id": "family_interactions.adult_relationship",
     "text": "The adults in the home treat each other with respect.",
     "required": false
    }
   ]
  },
  {
   "id": "family_safety",
   "title": "Safety",
   "description": "Whether any child is being hurt or is at risk of harm at home. Every item here must be rated.",
   "overallRequired": true,
   "items": [
    {
     "id": "family_safety.physical_harm",
     "text": "No child is physically hurt at home.",
     "required": true
    },
    {
     "id": "family_safety.sexual_harm",
     "text": "No child is at risk of sexual abuse.",
     "required": true
    },
    {
     "id": "family_safety.emotional_harm",
     "text": "No child is threatened, put down or frightened at home.",
     "required": true
    },
    {
     "id": "family_safety.domestic_violence",
     "text": "There is no violence between the adults in the home.",
     "required": true
    },
    {
     "id": "family_safety.basic_needs",
     "text": "The children's basic needs are met: food, care, medical care.",
     "required": true
    }
   ]
  },
  {
   "id": "child_wellbeing",
   "title": "The children's well-being",
   "description": "How the children are doing in themselves, at school and with their parents.",
   "overallRequired": true,
   "items": [
    {
     "id": "child_wellbeing.behaviour",
     "text": "The children's behaviour is manageable for the adults caring for them.",
     "required": false
    },
    {
     "id": "child_wellbeing.school",
     "text": "The children go to school or childcare and do as well as they can there.",
     "required": false
    },
    {
     "id": "child_wellbeing.connection",
     "text": "The children feel safe with their parents and close to them.",
     "required": false
    },
    {
     "id": "child_wellbeing.participation",
     "text": "The children take part in the plan in ways that fit their ages.",
     "required": false
    }
   ]
  },
  {
   "id": "social_community",
   "title": "Friends and community",
   "description": "The people and places the family can turn to.",
   "overallRequired": true,
   "items": [
    {
     "id": "social_community.relationships",
     "text": "The family has friends or relatives they can turn to.",
     "required": false
    },
    {
     "id": "social_community.community",
     "text": "The family uses what the community offers: faith groups, clubs, services.",
     "required": false
    },
    {
     "id": "social_community.culture",
     "text": "The family's culture and language are respected and kept up.",
     "required": false
    }
   ]
  },
  {
   "id": "self_sufficiency",
   "title": "Money, work and getting around",
   "description": "Whether the family can meet its own basic needs.",
   "overallRequired": true,
   "items": [
    {
     "id": "self_sufficiency.income",
     "text": "The family has enough income for food, rent and bills.",
     "required": false
    },
    {
     "id": "self_sufficiency.work",
     "text": "The adults are working, studying, or looking for work.",
     "required": false
    },
    {
     "id": "self_sufficiency.transport",
     "text": "The family can get to appointments, school and work.",
     "required": false
    },
    {
     "id": "self_sufficiency.budgeting",
     "text": "The family keeps on top of money and bills.",
     "required": false
    }
   ]
  },
  {
   "id": "family_health",
   "title": "Health",
   "description": "The physical and mental health of parents and children.",
   "overallRequired": true,
   "items": [
    {
     "id": "family_health.parent_physical",
     "text": "The parents' physical health lets them care for the children.",
     "required": false
    },
    {
     "id": "family_health.parent_mental",
     "text": "The parents' mental health lets them care for the children.",
     "required": false
    },
    {
     "id": "family_health.child_health",
     "text": "The children's health needs are being met.",
     "required": false
    },
    {
     "id": "family_health.access",
     "text": "The family can get health care when they need it.",
     "required": false
    }
   ]
  },
  {
   "id": "ambivalence",
   "title": "Mixed feelings about coming home",
   "description": "Whether parents, children and carers all want the children to come home.",
   "overallRequired": true,
   "items": [
    {
     "id": "ambivalence.parent_commitment",
     "text": "The parents want the children home and show it.",
     "required": false
    },
    {
     "id": "ambivalence.child_wish",
     "text": "The children want to go home, as far as their age lets them say.",
     "required": false
    },
    {
     "id": "ambivalence.carer_cooperation",
     "text": "The parents and the children's current carers work together for the children.",
     "required": false
    },
    {
     "id": "ambivalence.past_separations",
     "text": "Earlier separations do not hold the family back now.",
     "required": false
    }
   ]
  },
  {
   "id": "readiness",
   "title": "Ready for the children to come home",
   "description": "Whether the changes the plan asks for have been made and will last.",
   "overallRequired": true,
   "items": [
    {
     "id": "readiness.plan_progress",
     "text": "The parents are making the real changes the case plan asks for, not only attending.",
     "required": false
    },
    {
     "id": "readiness.family_time",
     "text": "Family time goes well and is kept up.",
     "required": false
    },
    {
     "id": "readiness.services",
     "text": "The parents take part in services and use what they learn.",
     "required": false
    },
    {
     "id": "readiness.safety_plan",
     "text": "A safety plan is in place and the family can follow it.",
     "required": false
    },
    {
     "id": "readiness.support_after",
     "text": "Others will help the family once the children are home.",
     "required": false
    }
   ]
  }
 ],
 "language": "en",
 "translations": {
  "es": {
   "title": "Fortalezas y necesidades de la familia",
   "domains": {
    "environment": {
     "title": "El hogar y sus alrededores",
     "description": "Dónde vive la familia y si es un lugar seguro y estable para los niños/as."
    },
    "parental_capabilities": {
     "title": "Crianza",
     "description": "Cómo los padres cuidan, guían y protegen a los niños/as."
    },
    "family_interactions": {
     "title": "Relaciones familiares",
     "description": "Cómo se llevan entre sí los miembros de la familia."
    },
    "family_safety": {
     "title": "Seguridad",
     "description": "Si algún niño/a sufre daño o corre riesgo de sufrirlo en casa. Cada punto de esta área debe valorarse."
    },
    "child_wellbeing": {
     "title": "El bienestar de los niños/as",
     "description": "Cómo están los niños/as: en sí mismos, en la escuela y con sus padres."
    },
    "social_community": {
     "title": "Amistades y comunidad",
     "description": "Las personas y los lugares a los que la familia puede acudir."
    },
    "self_sufficiency": {
     "title": "Dinero, trabajo y transporte",
     "description": "Si la familia puede cubrir por sí misma sus necesidades básicas."
    },
    "family_health": {
     "title": "Salud",
     "description": "La salud física y mental de los padres y de los niños/as."
    },
    "ambivalence": {
     "title": "Sentimientos encontrados sobre el regreso a casa",
     "description": "Si los padres, los niños/as y sus cuidadores quieren que los niños/as vuelvan a casa."
    },
    "readiness": {
     "title": "Preparados para que los niños/as vuelvan a casa",
     "description": "Si se han hecho los cambios que pide el plan y si van a durar."
    }
   },
   "items": {
    "environment.housing_stability": "La familia tiene un lugar estable donde vivir.",
    "environment.housing_safety": "La casa es segura para los niños/as: no hay peligros, y la calefacción, el agua y la electricidad funcionan.",
    "environment.neighbourhood": "El vecindario es lo bastante seguro para que los niños/as vivan y jueguen en él.",
    "environment.cleanliness": "La casa se mantiene lo bastante limpia para la salud de los niños/as.",
    "parental_capabilities.supervision": "Los padres vigilan a los niños/as de una manera adecuada a su edad.",
    "parental_capabilities.discipline": "Los padres guían la conducta de los niños/as sin castigos duros ni físicos.",
    "parental_capabilities.development": "Los padres ayudan a los niños/as a aprender y crecer: escuela, juego, rutinas.",
    "parental_capabilities.substance_use": "El consumo de alcohol o drogas de los padres no les impide cuidar a los niños/as.",
    "family_interactions.bonding": "Padres e hijos/as se muestran cariño y cercanía.",
    "family_interactions.expectations": "Lo que los padres esperan de los niños/as corresponde a su edad.",
    "family_interactions.mutual_support": "Los miembros de la familia se ayudan y se apoyan.",
    "family_interactions.adult_relationship": "Los adultos de la casa se tratan con respeto.",
    "family_safety.physical_harm": "Ningún niño/a sufre daño físico en casa.",
    "family_safety.sexual_harm": "Ningún niño/a corre riesgo de abuso sexual.",
    "family_safety.emotional_harm": "A ningún niño/a se le amenaza, humilla o asusta en casa.",
    "family_safety.domestic_violence": "No hay violencia entre los adultos de la casa.",
    "family_safety.basic_needs": "Se cubren las necesidades básicas de los niños/as: comida, cuidado, atención médica.",
    "child_wellbeing.behaviour": "Los adultos que cuidan a los niños/as pueden manejar su conducta.",
    "child_wellbeing.school": "Los niños/as van a la escuela o a la guardería y les va tan bien como pueden.",
    "child_wellbeing.connection": "Los niños/as se sienten seguros con sus padres y cercanos a ellos.",
    "child_wellbeing.participation": "Los niños/as participan en el plan de una manera adecuada a su edad.",
    "social_community.relationships": "La familia tiene amistades o parientes a quienes acudir.",
    "social_community.community": "La familia usa lo que ofrece la comunidad: grupos religiosos, clubes, servicios.",
    "social_community.culture": "Se respetan y se mantienen la cultura y el idioma de la familia.",
    "self_sufficiency.income": "La familia tiene ingresos suficientes para la comida, el alquiler y las cuentas.",
    "self_sufficiency.work": "Los adultos trabajan, estudian o buscan trabajo.",
    "self_sufficiency.transport": "La familia puede llegar a sus citas, a la escuela y al trabajo.",
    "self_sufficiency.budgeting": "La familia lleva al día su dinero y sus cuentas.",
    "family_health.parent_physical": "La salud física de los padres les permite cuidar a los niños/as.",
    "family_health.parent_mental": "La salud mental de los padres les permite cuidar a los niños/as.",
    "family_health.child_health": "Se atienden las necesidades de salud de los niños/as.",
    "family_health.access": "La familia puede recibir atención médica cuando la necesita.",
    "ambivalence.parent_commitment": "Los padres quieren que los niños/as vuelvan a casa y lo demuestran.",
    "ambivalence.child_wish": "Los niños/as quieren volver a casa, hasta donde su edad les permite decirlo.",
    "ambivalence.carer_cooperation": "Los padres y quienes cuidan ahora a los niños/as colaboran por el bien de los niños/as.",
    "ambivalence.past_separations": "Las separaciones anteriores ya no frenan a la familia.",
    "readiness.plan_progress": "Los padres están haciendo los cambios reales que pide el plan del caso, no solo asistiendo.",
    "readiness.family_time": "El tiempo en familia va bien y se mantiene.",
    "readiness.services": "Los padres participan en los servicios y usan lo que aprenden.",
    "readiness.safety_plan": "Hay un plan de seguridad y la familia puede seguirlo.",
    "readiness.support_after": "Otras personas ayudarán a la familia cuando los niños/as estén en casa."
   }
  }
 }
}
"""#
}
