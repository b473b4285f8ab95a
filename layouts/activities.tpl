{{%AUTOESCAPE context="HTML"}}{{! The agenda of the coming weeks, a week page, or activities per kern, categorie or doelgroep. }}<h1>{{TITEL}}</h1>
{{#INTRO}}<p class="inleiding">{{INTRO}}</p>{{/INTRO}}
{{#WEEKNAV}}<nav class="bladeren" aria-label="Weken">
  {{#PREV}}<a href="{{URL}}" rel="prev">Vorige week</a>{{/PREV}}
  {{#NEXT}}<a href="{{URL}}" rel="next">Volgende week</a>{{/NEXT}}
</nav>{{/WEEKNAV}}
{{#HAS_AGENDA}}{{>AGENDA}}{{/HAS_AGENDA}}
{{#CARDS}}<div class="kaarten">
{{#ACTIVITY}}{{>CARD}}{{/ACTIVITY}}</div>{{/CARDS}}
{{#FACETS}}<section class="blok facetten" aria-labelledby="facet-titel">
  <h2 id="facet-titel">Activiteiten zoeken</h2>
{{#GROUP}}  <h3>{{LABEL}}</h3>
  <ul class="labels">{{#VALUE}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/VALUE}}</ul>
{{/GROUP}}</section>{{/FACETS}}
