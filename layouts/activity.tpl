{{%AUTOESCAPE context="HTML"}}{{! One activity of the reverse social map. }}<article class="activiteit">
  <header class="artikel-kop">
    <p class="bovenregel"><a href="{{ROOT}}activiteiten/">Activiteiten</a> · <a href="{{CATEGORIE_URL}}">{{CATEGORIE}}</a></p>
    <h1>{{TITEL}}</h1>
    {{#VOORBIJ}}<p class="voorbij" role="note">Deze activiteit is voorbij.</p>{{/VOORBIJ}}
  </header>
  <dl class="feiten">
    <dt>Wanneer</dt><dd>{{SCHEMA}}</dd>
    <dt>Waar</dt><dd>{{LOCATIE}} (<a href="{{KERN_URL}}">{{KERN}}</a>)</dd>
    <dt>Door</dt><dd><a href="{{ORGANISATOR_URL}}">{{ORGANISATOR}}</a></dd>
    {{#KOSTEN}}<dt>Kosten</dt><dd>{{KOSTEN}}</dd>{{/KOSTEN}}
    {{#AANMELDEN}}<dt>Aanmelden</dt><dd>{{AANMELDEN}}</dd>{{/AANMELDEN}}
    {{#DOELGROEP}}<dt>Voor wie</dt><dd>{{#DG}}<a href="{{URL}}">{{LABEL}}</a>{{#DG_separator}}, {{/DG_separator}}{{/DG}}</dd>{{/DOELGROEP}}
    {{#TOEGANKELIJK}}<dt>Toegankelijk</dt><dd>{{TOEGANKELIJK}}</dd>{{/TOEGANKELIJK}}
  </dl>
  <div class="tekst">
{{BODY:none}}
  </div>
  {{#NEXT_DATES}}<section aria-labelledby="data-titel">
    <h2 id="data-titel">De komende keren</h2>
    <ul class="data">{{#D}}<li><time datetime="{{DATUM_ISO}}">{{DATUM}}</time></li>{{/D}}</ul>
  </section>{{/NEXT_DATES}}
</article>
