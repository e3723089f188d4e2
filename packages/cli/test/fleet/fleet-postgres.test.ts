import { postgresFleet } from "./fleet-backend";
import { FLEET_PASSWORD, fleetScenario } from "./fleet-scenario";

fleetScenario("PostgreSQL", 200, () => postgresFleet(200, FLEET_PASSWORD), { asFunction: false });
