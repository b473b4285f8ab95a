{{%AUTOESCAPE context="HTML"}}{{!
  Occurrences grouped by day: used by the home page, the activity lists,
  the week pages and the Journaal editions. A day's heading is an h2
  (section H2) or an h3 (section H3), whichever follows the page's outline.
}}{{#EMPTY}}<p class="leeg">{{EMPTY_TEXT}}</p>{{/EMPTY}}{{#DAY}}<section class="dag" aria-labelledby="dag-{{ID}}">
  {{#H2}}<h2 class="dag-titel" id="dag-{{ID}}"><time datetime="{{DATUM_ISO}}">{{DATUM}}</time></h2>{{/H2}}{{#H3}}<h3 class="dag-titel" id="dag-{{ID}}"><time datetime="{{DATUM_ISO}}">{{DATUM}}</time></h3>{{/H3}}
  <ul class="agenda">
{{#ITEM}}    <li class="agenda-item">
      <span class="agenda-tijd">{{TIJD}}</span>
      <span class="agenda-wat"><a href="{{URL}}">{{TITEL}}</a></span>
      <span class="agenda-waar">{{LOCATIE}} · {{KERN}}{{#KOSTEN}} · {{KOSTEN}}{{/KOSTEN}}</span>
    </li>
{{/ITEM}}  </ul>
</section>
{{/DAY}}
