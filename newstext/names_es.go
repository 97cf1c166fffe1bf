package newstext

// Spanish: nouns are lower case, so a capitalised word inside a sentence
// is a name unless it is one of these.
var spanishNames = &NameLists{
	lang: "es",
	function: wordSet(`el la los las lo un una unos unas al del de a en con por para sin sobre
		entre hacia hasta desde durante según tras ante bajo contra mediante
		y e o u ni pero sino que quien quienes cual cuales cuyo donde cuando como si porque
		pues aunque mientras este esta estos estas ese esa esos esas aquel aquella
		mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro
		él ella ellos ellas usted ustedes nosotros yo se le les me te nos
		todo todos toda todas otro otra otros otras mismo misma cada varios varias algunos
		algunas ningún ninguna no sí más menos muy también ya aún todavía siempre nunca así
		entonces luego después antes además sin embargo hoy ayer mañana ahora aquí allí
		es son era eran será serán fue fueron ha han había habían habrá sido ser estar está
		están estaba hay dijo dice dicen debe deben puede pueden va van
		primer primero primera segundo segunda último última nuevo nueva nuevos nuevas
		lunes martes miércoles jueves viernes sábado domingo
		asuntos exteriores relaciones estado`),
	// Months and weekdays are written in lower case: a capitalised one
	// inside a sentence is a name (Mayo).
	calendarLower: true,
	calendar: wordSet(`mañana tarde noche mediodía medianoche semana mes año víspera
		primavera verano otoño invierno`),
	personTitles: wordSet(`sr sra srta señor señora señorita don doña dr dra doctor doctora
		presidente presidenta ministro ministra viceministro viceministra vicecanciller canciller
		secretario secretaria subsecretario subsecretaria embajador embajadora portavoz
		jefe jefa director directora general diplomático diplomática negociador negociadora
		enviado enviada adjunto adjunta vicepresidente vicepresidenta representante
		homólogo homóloga asesor asesora senador senadora diputado diputada alcalde alcaldesa
		juez jueza coronel papa rey reina príncipe princesa`),
	orgWords: wordSet(`sa sl ministerio agencia organización oficina consejo comisión unión
		naciones unidas parlamento asamblea gobierno banco fondo corte tribunal partido ejército
		universidad instituto fundación comité departamento grupo sociedad compañía kremlin`),
	particles: wordSet(`de del la las los da di von van der`),
}
