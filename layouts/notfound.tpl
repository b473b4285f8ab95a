{{%AUTOESCAPE context="HTML"}}{{! The page a web host shows for an address that does not exist. }}<article class="pagina">
  <h1>Deze pagina bestaat niet (meer)</h1>
  <p>Misschien is het adres veranderd, of is er een tikfout in gekomen. Begin opnieuw op de <a href="{{ROOT}}">voorpagina</a>, bekijk de <a href="{{ROOT}}activiteiten/">activiteiten</a> of lees de <a href="{{ROOT}}verhalen/">verhalen</a>.</p>
  <p>Komt u er niet uit? Bel of mail ons gerust; we helpen u graag.</p>
</article>
